using System.Net;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>The web view's files at <c>/</c> on the real local server, beside the API.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class WebViewEndpointsTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private HttpClient Client => _client ??= new HttpClient { BaseAddress = fixture.Harness.Server.BaseAddress };

    private HttpClient? _client;

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/cytoscape.min.js", "text/javascript")]
    public async Task Get_AssetName_ServesTheEmbeddedFileWithItsHeaders(string path, string mediaType)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_IfNoneMatchTheCurrentVersion_Answers304WithoutABody()
    {
        using var first = await Client.GetAsync("/app.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/nothing.js")]
    [InlineData("/..%2Fomoi.dll")]
    [InlineData("/omoi.dll")]
    public async Task Get_NoSuchAsset_Answers404Problem(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_ApiRoutes_AreNotShadowedByTheWebView()
    {
        using var response = await Client.GetAsync("/api/specs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
