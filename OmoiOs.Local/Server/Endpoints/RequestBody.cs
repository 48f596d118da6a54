using System.Text.Json;
using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>Reads a JSON body the way API.md requires: JSON content type, at most 1 MB, parse errors as 400.</summary>
internal static class RequestBody
{
    public const long MaxBytes = 1024 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            throw new ApiProblemException(ApiProblem.TooLarge(MaxBytes));
        }

        if (request.ContentLength is 0 or null && request.Headers.TransferEncoding.Count == 0)
        {
            throw new ApiProblemException(ApiProblem.MalformedBody("The request has no body."));
        }

        if (!request.HasJsonContentType())
        {
            throw new ApiProblemException(ApiProblem.UnsupportedMediaType(request.ContentType));
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ApiJson.Options, cancellationToken)
                ?? throw new ApiProblemException(ApiProblem.MalformedBody("The body is JSON null."));
        }
        catch (JsonException error)
        {
            var detail = error.Path is { } path ? $"{error.Message.Split(" Path:")[0]} (at {path})" : error.Message;
            var field = error.Path is { Length: > 2 } member && member.StartsWith("$.", StringComparison.Ordinal) ? member[2..] : null;
            throw new ApiProblemException(ApiProblem.MalformedBody(detail, field));
        }
    }

    /// <summary>An optional body: none at all is fine, anything else must be valid JSON.</summary>
    public static async Task<T?> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        request.ContentLength is 0 or null && request.Headers.TransferEncoding.Count == 0
            ? null
            : await ReadAsync<T>(request, cancellationToken);
}

/// <summary>A problem to answer as it is.</summary>
internal sealed class ApiProblemException(ApiProblem problem) : Exception(problem.Detail)
{
    public ApiProblem Problem { get; } = problem;
}
