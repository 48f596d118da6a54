using System.Net;
using System.Text;
using OmoiOs.Functions.Http;
using OmoiOs.Infrastructure.WebView;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;

namespace OmoiOs.Tests.Functions.Http;

public sealed class WebViewFunctionTests
{
    [Theory]
    [InlineData(null, "index.html")]
    [InlineData("app.js", "app.js")]
    [InlineData("cytoscape-dagre.min.js", "cytoscape-dagre.min.js")]
    public async Task GetAsync_AssetName_ServesTheSameEmbeddedFileAsTheLocalHost(string? file, string asset)
    {
        WebViewAssets.TryGet(asset, out var expected);

        var response = await GetAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected.ContentType], response.Headers.GetValues("Content-Type"));
        Assert.Equal([expected.ETag], response.Headers.GetValues("ETag"));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(Encoding.UTF8.GetString(expected.Content.Span), response.ReadBody());
    }

    [Fact]
    public async Task GetAsync_IfNoneMatchTheCurrentVersion_Answers304WithoutABody()
    {
        WebViewAssets.TryGet("app.css", out var asset);

        var response = await GetAsync("app.css", ifNoneMatch: asset.ETag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(string.Empty, response.ReadBody());
    }

    [Fact]
    public async Task GetAsync_NoSuchAsset_Answers404Problem()
    {
        var response = await GetAsync("host.json");

        var problem = ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
        Assert.Equal("/host.json", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public void GetAsync_Trigger_NeedsTheFunctionKeyOnOneOptionalSegment()
    {
        var method = typeof(WebViewFunction).GetMethod(nameof(WebViewFunction.GetAsync))!;

        TriggerAssert.Declares(method, "WebView", "get", "{file?}");
    }

    private static async Task<TestHttpResponseData> GetAsync(string? file, string? ifNoneMatch = null)
    {
        var request = new TestHttpRequestData(TestFunctionContexts.WithOmoiFunctionsServices(), "GET", new Uri($"http://localhost:7071/{file}"));
        if (ifNoneMatch is not null)
        {
            request.Headers.Add("If-None-Match", ifNoneMatch);
        }

        return Assert.IsType<TestHttpResponseData>(await WebViewFunction.GetAsync(request, file, CancellationToken.None));
    }
}
