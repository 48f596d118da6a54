using System.Net.Http.Headers;
using System.Text.Json;

namespace OmoiOs.Core.Application;

/// <summary>
/// Reads a request's JSON body the way API.md requires, for both hosts: at most <see cref="MaxBytes"/> (413, refused
/// before parsing), a JSON content type (415), and parse errors as a 400 naming where the JSON went wrong.
/// </summary>
public static class JsonRequestBody
{
    public const long MaxBytes = 1024 * 1024;

    /// <exception cref="ApiProblemException">The body is missing, too large, not JSON, or does not parse.</exception>
    public static async Task<T> ReadAsync<T>(Stream body, string? contentType, long? contentLength, CancellationToken cancellationToken)
        where T : class =>
        await ReadOptionalAsync<T>(body, contentType, contentLength, cancellationToken).ConfigureAwait(false)
        ?? throw new ApiProblemException(ApiProblem.MalformedBody("The request has no body."));

    /// <summary>An optional body: none at all gives null, anything else must be valid JSON.</summary>
    /// <exception cref="ApiProblemException">The body is too large, not JSON, or does not parse.</exception>
    public static async Task<T?> ReadOptionalAsync<T>(Stream body, string? contentType, long? contentLength, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength is > MaxBytes)
        {
            throw new ApiProblemException(ApiProblem.TooLarge(MaxBytes));
        }

        var bytes = await ReadCappedAsync(body, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return null;
        }

        if (!IsJson(contentType))
        {
            throw new ApiProblemException(ApiProblem.UnsupportedMediaType(contentType));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ApiJson.Options)
                ?? throw new ApiProblemException(ApiProblem.MalformedBody("The body is JSON null."));
        }
        catch (JsonException error)
        {
            throw new ApiProblemException(ApiProblem.MalformedBody(Describe(error), Member(error)));
        }
    }

    /// <summary><c>application/json</c> or any <c>+json</c> type (e.g. <c>application/merge-patch+json</c>), with or without parameters.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType is { } mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The whole body, or a 413 as soon as it passes <see cref="MaxBytes"/> (a body may come without a length).</summary>
    private static async Task<byte[]> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ApiProblemException(ApiProblem.TooLarge(MaxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Describe(JsonException error) =>
        error.Path is { } path ? $"{error.Message.Split(" Path:")[0]} (at {path})" : error.Message;

    /// <summary>The body's member at fault (<c>$.options.maxParallelTasks</c> → <c>options.maxParallelTasks</c>), or null for the body as a whole.</summary>
    private static string? Member(JsonException error) =>
        error.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}
