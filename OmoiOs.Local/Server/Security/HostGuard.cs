using OmoiOs.Core.Application;
using OmoiOs.Local.Server.Endpoints;

namespace OmoiOs.Local.Server.Security;

/// <summary>
/// Answers only requests whose <c>Host</c> names this server (any port): a page that re-resolves its own name to
/// 127.0.0.1 (DNS rebinding) still sends its own name and gets a 400 problem. ASP.NET Core's host filtering would
/// answer with a bare 400; this one answers in the API's problem format.
/// </summary>
internal sealed class HostGuard(RequestDelegate next, HostGuard.Hosts hosts)
{
    /// <summary>The host names served, without ports.</summary>
    public sealed record Hosts(IReadOnlyList<string> Names);

    public async Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host;
        if (!host.HasValue || !hosts.Names.Contains(host.Host, StringComparer.OrdinalIgnoreCase))
        {
            await ProblemMiddleware.WriteAsync(context, ApiProblem.HostRefused());
            return;
        }

        await next(context);
    }
}
