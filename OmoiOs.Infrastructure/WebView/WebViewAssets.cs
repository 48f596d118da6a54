using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace OmoiOs.Infrastructure.WebView;

/// <summary>
/// The web view's static files (the pages, their script and style, and the graph libraries vendored from npm at build
/// time), embedded in this assembly once and served by both hosts at <c>/</c>. Only these names are ever answered:
/// nothing a request carries becomes a path on the host.
/// </summary>
public static class WebViewAssets
{
    public const string IndexName = "index.html";

    private const string ResourcePrefix = "OmoiOs.WebView/";

    private static readonly FrozenDictionary<string, WebViewAsset> Assets = Load();

    /// <summary>Headers every answer carries: revalidate with the ETag, no sniffing, no framing, no referrer (a Functions key may be in the URL).</summary>
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Cache-Control"] = "no-cache",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Assets.Keys;

    /// <summary>The asset a request path names: empty or <c>/</c> is the index page.</summary>
    public static bool TryGet(string? name, out WebViewAsset asset)
    {
        var key = string.IsNullOrEmpty(name) || name == "/" ? IndexName : name.TrimStart('/');
        return Assets.TryGetValue(key, out asset!);
    }

    private static FrozenDictionary<string, WebViewAsset> Load()
    {
        var assembly = typeof(WebViewAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .ToFrozenDictionary(asset => asset.Name, StringComparer.Ordinal);
    }

    private static WebViewAsset Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var name = resource[ResourcePrefix.Length..];
        return new WebViewAsset(name, ContentType(name), bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        var other => throw new InvalidOperationException($"The web view has an asset of a type it does not serve: {name} ({other})."),
    };
}
