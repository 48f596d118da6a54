using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OmoiOs.Core.Application;
using OmoiOs.Local.Server.Endpoints;

namespace OmoiOs.Local.Server.Security;

/// <summary>When <c>OMOI_API_TOKEN</c> is set, answers 401 to every request without it, except <c>GET /api/health</c>.</summary>
internal sealed class BearerTokenGuard(RequestDelegate next, IOptions<LocalSecurityOptions> options)
{
    private const string Scheme = "Bearer ";
    private readonly byte[]? _expected = options.Value.RequiresToken ? Hash(options.Value.ApiToken) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_expected is null || IsHealth(context.Request) || Presented(context.Request) is { } token && CryptographicOperations.FixedTimeEquals(Hash(token), _expected))
        {
            await next(context);
            return;
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await ProblemMiddleware.WriteAsync(context, ApiProblem.Unauthorized());
    }

    private static bool IsHealth(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals("/api/health", StringComparison.OrdinalIgnoreCase);

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    // Hashing first makes the comparison's time independent of where, and whether, the lengths differ.
    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
