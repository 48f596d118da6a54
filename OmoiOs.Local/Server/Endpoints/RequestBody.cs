using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>Hands the request's body, content type and length to Core's <see cref="JsonRequestBody"/>.</summary>
internal static class RequestBody
{
    public static Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        JsonRequestBody.ReadAsync<T>(request.Body, request.ContentType, request.ContentLength, cancellationToken);

    public static Task<T?> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        JsonRequestBody.ReadOptionalAsync<T>(request.Body, request.ContentType, request.ContentLength, cancellationToken);
}
