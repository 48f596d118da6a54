using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;
using OmoiOs.Infrastructure.WebView;

namespace OmoiOs.Tests.Infrastructure.WebView;

public sealed partial class WebViewAssetsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("index.html")]
    public void TryGet_RootOrIndex_IsTheIndexPage(string? name)
    {
        Assert.True(WebViewAssets.TryGet(name, out var asset));

        Assert.Equal("index.html", asset.Name);
        Assert.Equal("text/html; charset=utf-8", asset.ContentType);
        Assert.Contains("<main id=\"main\"", Text(asset), StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_EveryFileTheIndexLoads_IsEmbeddedWithItsContentType()
    {
        WebViewAssets.TryGet(null, out var index);
        var loaded = LoadedFile().Matches(Text(index)).Select(m => m.Groups["name"].Value).ToList();

        Assert.Contains("app.css", loaded);
        Assert.Contains("cytoscape.min.js", loaded);
        Assert.Contains("cytoscape-dagre.min.js", loaded);
        Assert.All(loaded, name =>
        {
            Assert.True(WebViewAssets.TryGet(name, out var asset), $"index.html loads {name}, which is not embedded");
            Assert.StartsWith(name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", asset.ContentType, StringComparison.Ordinal);
            Assert.False(asset.Content.IsEmpty);
        });
        Assert.Equal(loaded.Append("index.html").Order(StringComparer.Ordinal), WebViewAssets.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryGet_VendoredGraphLibraries_AreTheNpmPackagesBuilds()
    {
        Assert.True(WebViewAssets.TryGet("cytoscape.min.js", out var cytoscape));
        Assert.True(WebViewAssets.TryGet("cytoscape-dagre.min.js", out var dagre));

        Assert.Contains("The Cytoscape Consortium", Text(cytoscape), StringComparison.Ordinal);
        Assert.Contains("cytoscape-dagre", Text(dagre), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../OmoiOs.Infrastructure.dll")]
    [InlineData("..%2Fappsettings.json")]
    [InlineData("api")]
    [InlineData("/etc/passwd")]
    [InlineData("index.html/")]
    [InlineData("APP.JS")]
    public void TryGet_AnythingButAnAssetName_IsRefused(string name)
    {
        Assert.False(WebViewAssets.TryGet(name, out _));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("\"other\"", false)]
    [InlineData("*", true)]
    public void IsNotModified_IfNoneMatch_MatchesOnlyThisVersion(string? header, bool expected)
    {
        WebViewAssets.TryGet("app.js", out var asset);

        Assert.Equal(expected, asset.IsNotModified(header));
        Assert.True(asset.IsNotModified($"\"other\", {asset.ETag}"));
        Assert.True(asset.IsNotModified("W/" + asset.ETag));
    }

    /// <summary>The event stream names each event by type, and a browser hears only the types it listens for.</summary>
    [Fact]
    public void EventsScript_TypesItListensFor_AreEverySpecEventType()
    {
        WebViewAssets.TryGet("events.js", out var script);
        var text = Text(script);
        var list = text[text.IndexOf("const eventTypes = [", StringComparison.Ordinal)..];
        var listened = QuotedWord().Matches(list[..list.IndexOf("];", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value);

        var types = typeof(SpecEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(types.Order(StringComparer.Ordinal), listened.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Headers_Always_ForbidSniffingFramingAndReferrers()
    {
        Assert.Equal("nosniff", WebViewAssets.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", WebViewAssets.Headers["Referrer-Policy"]);
        Assert.Contains("frame-ancestors 'none'", WebViewAssets.Headers["Content-Security-Policy"], StringComparison.Ordinal);
    }

    private static string Text(WebViewAsset asset) => Encoding.UTF8.GetString(asset.Content.Span);

    [GeneratedRegex(@"'(?<name>[\w.-]+\.(?:js|css))'")]
    private static partial Regex LoadedFile();

    [GeneratedRegex(@"'([a-z_]+)'")]
    private static partial Regex QuotedWord();
}
