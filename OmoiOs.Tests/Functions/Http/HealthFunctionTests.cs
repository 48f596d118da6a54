using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using OmoiOs.Core.Application;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Fakes;
using OmoiOs.Tests.Functions.TestHttp;

namespace OmoiOs.Tests.Functions.Http;

public sealed class HealthFunctionTests
{
    private static readonly Uri HealthUrl = new("http://localhost:7071/api/health");

    [Fact]
    public async Task GetHealthAsync_StorageReachable_Returns200WithVersionAndStorageOk()
    {
        var probe = new FakeStorageHealthProbe(reachable: true);

        var response = await GetHealthAsync(probe);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal("ok", body.RootElement.GetProperty("storage").GetString());
        Assert.Equal(ExpectedVersion(), body.RootElement.GetProperty("version").GetString());
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task GetHealthAsync_StorageUnreachable_Returns200WithStorageUnreachable()
    {
        var response = await GetHealthAsync(new FakeStorageHealthProbe(reachable: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal("unreachable", body.RootElement.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task GetHealthAsync_AnyState_WritesCamelCaseJsonWithJsonContentType()
    {
        var response = await GetHealthAsync(new FakeStorageHealthProbe(reachable: true));

        Assert.Equal(["application/json; charset=utf-8"], response.Headers.GetValues("Content-Type"));
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(["version", "storage"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task GetHealthAsync_CancelledRequest_DoesNotWriteAResponse()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var sut = new HealthFunction(new HealthService(new FakeStorageHealthProbe(reachable: true)));
        var request = new TestHttpRequestData(TestFunctionContexts.WithOmoiFunctionsServices(), "GET", HealthUrl);

        await Assert.ThrowsAsync<OperationCanceledException>(() => sut.GetHealthAsync(request, cancellation.Token));
    }

    [Fact]
    public void GetHealthAsync_Declaration_IsAnonymousGetOnApiHealth()
    {
        var method = typeof(HealthFunction).GetMethod(nameof(HealthFunction.GetHealthAsync))!;
        var trigger = method.GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>()!;

        Assert.Equal("Health", method.GetCustomAttribute<FunctionAttribute>()!.Name);
        Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
        Assert.Equal(["get"], trigger.Methods ?? []);
        Assert.Equal("api/health", trigger.Route);
    }

    private static async Task<TestHttpResponseData> GetHealthAsync(FakeStorageHealthProbe probe)
    {
        var sut = new HealthFunction(new HealthService(probe));
        var request = new TestHttpRequestData(TestFunctionContexts.WithOmoiFunctionsServices(), "GET", HealthUrl);
        return Assert.IsType<TestHttpResponseData>(await sut.GetHealthAsync(request, CancellationToken.None));
    }

    private static string ExpectedVersion() =>
        HealthService.Version;
}
