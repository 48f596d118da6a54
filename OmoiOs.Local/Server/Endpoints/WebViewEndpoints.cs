using OmoiOs.Infrastructure.WebView;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>The web view at <c>/</c>: the embedded <see cref="WebViewAssets"/>, which the Functions app serves too.</summary>
internal static class WebViewEndpoints
{
    public static WebApplication MapWebView(this WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => Answer(context, null)).ExcludeFromDescription();
        app.MapGet("/{file}", (string file, HttpContext context) => Answer(context, file)).ExcludeFromDescription();
        return app;
    }

    private static IResult Answer(HttpContext context, string? file)
    {
        if (!WebViewAssets.TryGet(file, out var asset))
        {
            return Results.NotFound();
        }

        foreach (var (name, value) in WebViewAssets.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers.ETag = asset.ETag;
        return asset.IsNotModified(context.Request.Headers.IfNoneMatch)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Content, asset.ContentType);
    }
}
