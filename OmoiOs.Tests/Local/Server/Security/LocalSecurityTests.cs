using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OmoiOs.Local.Server;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Security;

/// <summary>The optional bearer token (<c>OMOI_API_TOKEN</c>), and that listening beyond loopback requires it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LocalSecurityTests : IAsyncLifetime
{
    private const string Token = "test-token-9f2c";
    private LocalServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalServerHarness.StartAsync(settings: new Dictionary<string, string?> { ["OMOI_API_TOKEN"] = Token });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer " + Token + "x")]
    [InlineData("Basic " + Token)]
    public async Task AnyRoute_WithoutTheToken_401(string? authorization)
    {
        foreach (var (method, path) in new[] { ("GET", "specs"), ("POST", "specs"), ("GET", "openapi.json"), ("GET", "tasks?specId=spec-000000000000") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? RepositoryBody() : null };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await _server.Client.SendAsync(request);

            await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task AnyRoute_WithTheToken_Answered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs") { Content = RepositoryBody() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutTheToken_Answered()
    {
        using var response = await _server.Client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_BeyondLoopbackWithoutAToken_FailsNamingOmoiApiToken()
    {
        var options = new LocalServerOptions { Port = 0, ListenAddress = IPAddress.Any, Settings = LocalServerHarness.Settings("Sec" + Guid.NewGuid().ToString("N")[..12], LocalServerHarness.NoOpAgent, Path.GetTempPath()) };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalServer.StartAsync(options, CancellationToken.None));

        Assert.Contains("OMOI_API_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BeyondLoopbackWithAToken_ServesOnlyTokenHolders()
    {
        var settings = LocalServerHarness.Settings("Sec" + Guid.NewGuid().ToString("N")[..12], LocalServerHarness.NoOpAgent, Path.GetTempPath());
        settings["OMOI_API_TOKEN"] = Token;
        await using var server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0, ListenAddress = IPAddress.Any, Settings = settings }, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.BaseAddress.Port}/api/") };

        using var anonymous = await client.GetAsync("specs");
        using var request = new HttpRequestMessage(HttpMethod.Get, "specs") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        using var holder = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, holder.StatusCode);
    }

    private StringContent RepositoryBody() =>
        LocalServerHarness.Json(System.Text.Json.JsonSerializer.Serialize(new { title = "t", description = "The CLI shall greet.", repository = _server.Repository }));
}
