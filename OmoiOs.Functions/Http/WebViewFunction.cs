using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Core.Application;
using OmoiOs.Infrastructure.WebView;

namespace OmoiOs.Functions.Http;

/// <summary>
/// <c>GET /</c> and <c>GET /{file}</c>: the web view's embedded files (<see cref="WebViewAssets"/>, the same the local
/// host serves), behind the function key like the API. The page passes the key it was opened with (<c>/?code=…</c>)
/// on to its files and API calls. One optional segment, never a catch-all, so the host's own routes stay reachable.
/// </summary>
public static class WebViewFunction
{
    public const string Route = "{file?}";

    [Function("WebView")]
    public static async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequestData request,
        string? file,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!WebViewAssets.TryGet(file, out var asset))
        {
            var problem = ApiProblem.NoRoute(request.Method, request.Url.AbsolutePath) with { Instance = request.Url.AbsolutePath };
            return await ApiResponses.ProblemAsync(request, problem, cancellationToken);
        }

        var notModified = request.Headers.TryGetValues("If-None-Match", out var tags) && asset.IsNotModified(string.Join(",", tags));
        var response = request.CreateResponse(notModified ? HttpStatusCode.NotModified : HttpStatusCode.OK);
        foreach (var (name, value) in WebViewAssets.Headers)
        {
            response.Headers.Add(name, value);
        }

        response.Headers.Add("ETag", asset.ETag);
        if (!notModified)
        {
            response.Headers.Add("Content-Type", asset.ContentType);
            await response.Body.WriteAsync(asset.Content, cancellationToken);
        }

        return response;
    }
}
