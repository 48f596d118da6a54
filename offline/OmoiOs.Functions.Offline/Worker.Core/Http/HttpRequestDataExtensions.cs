using System.Net;
using System.Text;
using Azure.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>
/// Reading a request and creating its response. These work offline exactly as in the real package: they only use
/// the request's abstract members and the serializer in the invocation's <see cref="WorkerOptions"/>.
/// </summary>
public static class HttpRequestDataExtensions
{
    private const int ReadBufferSize = 1024;

    public static async Task<string?> ReadAsStringAsync(this HttpRequestData request, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is null)
        {
            return null;
        }

        using var reader = CreateReader(request.Body, encoding);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    public static string? ReadAsString(this HttpRequestData request, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is null)
        {
            return null;
        }

        using var reader = CreateReader(request.Body, encoding);
        return reader.ReadToEnd();
    }

    public static ValueTask<T?> ReadFromJsonAsync<T>(this HttpRequestData request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ReadFromJsonAsync<T>(WorkerSerializer.Of(request.FunctionContext), cancellationToken);
    }

    public static async ValueTask<T?> ReadFromJsonAsync<T>(this HttpRequestData request, ObjectSerializer serializer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serializer);
        var value = await serializer.DeserializeAsync(request.Body, typeof(T), cancellationToken).ConfigureAwait(false);
        return value is null ? default : (T)value;
    }

    public static HttpResponseData CreateResponse(this HttpRequestData request, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse();
        response.StatusCode = statusCode;
        return response;
    }

    private static StreamReader CreateReader(Stream body, Encoding? encoding) =>
        new(body, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, ReadBufferSize, leaveOpen: true);
}

/// <summary>The invocation's configured serializer, found where the real worker looks for it.</summary>
internal static class WorkerSerializer
{
    public static ObjectSerializer Of(FunctionContext context) =>
        context.InstanceServices.GetService<IOptions<WorkerOptions>>()?.Value?.Serializer
        ?? throw new InvalidOperationException("A serializer is not configured for the worker.");
}
