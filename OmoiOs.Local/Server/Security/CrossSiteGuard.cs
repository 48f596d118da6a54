using OmoiOs.Core.Application;
using OmoiOs.Local.Server.Endpoints;

namespace OmoiOs.Local.Server.Security;

/// <summary>
/// Refuses state-changing requests a browser sends on behalf of another site: <c>Sec-Fetch-Site</c> other than
/// <c>same-origin</c> or <c>none</c>, or an <c>Origin</c> that is not this server's. Requests without either header
/// (curl, the CLI, scripts) are not a browser's cross-site requests and pass.
/// </summary>
internal sealed class CrossSiteGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method) && Refusal(request) is { } why)
        {
            await ProblemMiddleware.WriteAsync(context, ApiProblem.CrossSite(why));
            return;
        }

        await next(context);
    }

    private static string? Refusal(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return $"A {request.Method} from another site (Sec-Fetch-Site: {site}) is not accepted.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return Uri.TryCreate(origin, UriKind.Absolute, out var parsed) && string.Equals(parsed.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"A {request.Method} from origin '{origin}' is not accepted; only {own} may change state here.";
    }
}
