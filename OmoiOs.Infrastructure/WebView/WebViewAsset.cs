namespace OmoiOs.Infrastructure.WebView;

/// <summary>One file of the web view: its name (the URL's one path segment), content type, bytes and entity tag.</summary>
public sealed record WebViewAsset(string Name, string ContentType, ReadOnlyMemory<byte> Content, string ETag)
{
    /// <summary>Whether an <c>If-None-Match</c> header already names this version (the answer is then 304).</summary>
    public bool IsNotModified(string? ifNoneMatch) =>
        ifNoneMatch is { Length: > 0 } &&
        ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag == ETag || tag == "W/" + ETag);
}
