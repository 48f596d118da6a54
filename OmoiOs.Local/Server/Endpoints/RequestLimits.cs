using Microsoft.AspNetCore.Http.Features;
using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>
/// The URL and header sizes the API accepts, checked here so that refusing them is a problem like any other. Kestrel's
/// own limits are set well above these: a request past Kestrel's gets its bare 414 or 431 before any of our code runs.
/// </summary>
internal static class RequestLimits
{
    public const int MaxTargetLength = 8 * 1024;

    public const int MaxHeadersLength = 32 * 1024;

    public const int KestrelRequestLineLimit = 64 * 1024;

    public const int KestrelHeadersLimit = 64 * 1024;

    public static ApiProblem? Check(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        if (target.Length > MaxTargetLength)
        {
            return ApiProblem.UriTooLong(LongestPart(context.Request), target.Length, MaxTargetLength);
        }

        var headers = context.Request.Headers.Sum(h => h.Key.Length + h.Value.ToString().Length + 4);
        return headers > MaxHeadersLength
            ? ApiProblem.HeadersTooLarge(context.Request.Headers.MaxBy(h => h.Value.ToString().Length).Key, headers, MaxHeadersLength)
            : null;
    }

    private static string LongestPart(HttpRequest request)
    {
        var (part, length) = ("path", request.Path.Value?.Length ?? 0);
        foreach (var (name, value) in request.Query)
        {
            if (name.Length + value.ToString().Length > length)
            {
                (part, length) = (name, name.Length + value.ToString().Length);
            }
        }

        return part;
    }
}
