using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Core.Application;

namespace OmoiOs.Functions.Http;

/// <summary>Hands a trigger's body, content type and length to Core's <see cref="JsonRequestBody"/>, and reads query and header values.</summary>
internal static class ApiRequests
{
    public static Task<T> ReadJsonAsync<T>(this HttpRequestData request, CancellationToken cancellationToken)
        where T : class =>
        JsonRequestBody.ReadAsync<T>(request.Body, Header(request, "Content-Type"), ContentLength(request), cancellationToken);

    public static Task<T?> ReadOptionalJsonAsync<T>(this HttpRequestData request, CancellationToken cancellationToken)
        where T : class =>
        JsonRequestBody.ReadOptionalAsync<T>(request.Body, Header(request, "Content-Type"), ContentLength(request), cancellationToken);

    /// <summary>The query parameter's value, or null when the request has none.</summary>
    public static string? QueryValue(this HttpRequestData request, string name) => request.Query[name];

    /// <summary>The header's values joined, or null when the request has none.</summary>
    public static string? HeaderValue(this HttpRequestData request, string name) => Header(request, name);

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static long? ContentLength(HttpRequestData request) =>
        long.TryParse(Header(request, "Content-Length"), out var length) ? length : null;
}
