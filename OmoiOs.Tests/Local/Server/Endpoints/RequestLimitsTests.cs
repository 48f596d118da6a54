using System.Net;
using System.Text.Json;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>URLs and headers past the API's limits are refused as problems naming what made them too long, not by Kestrel's bare status.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private LocalServerHarness _server = null!;

    [Fact]
    public async Task Get_QueryValuePastTheUrlLimit_Answers414NamingTheParameter()
    {
        using var response = await _server.Client.GetAsync($"specs?pageSize=10&continuationToken={new string('9', 20_000)}");

        var problem = await ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Equal(["continuationToken"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains("the limit is 8,192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PathPastTheUrlLimit_Answers414NamingThePath()
    {
        using var response = await _server.Client.PostAsync($"specs/spec-{new string('a', 10_000)}/execute", null);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Equal(["path"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Get_HeaderPastTheHeadersLimit_Answers431NamingTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "specs");
        request.Headers.Add("X-Padding", new string('p', 40_000));

        using var response = await _server.Client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Equal(["X-Padding"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Get_UrlJustInsideTheLimit_IsServed()
    {
        var path = "specs?pageSize=10&continuationToken=";
        using var response = await _server.Client.GetAsync(path + new string('9', 8 * 1024 - "/api/".Length - path.Length));

        Assert.NotEqual(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task InitializeAsync() => _server = await LocalServerHarness.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();
}
