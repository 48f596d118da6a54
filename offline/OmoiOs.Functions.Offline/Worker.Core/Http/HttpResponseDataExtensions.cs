using System.Text;
using Azure.Core.Serialization;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>
/// Writing a response body. In 2.x there is no overload that takes a status code: create the response with
/// <c>request.CreateResponse(HttpStatusCode)</c> first. Works offline as in the real package.
/// </summary>
public static class HttpResponseDataExtensions
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void WriteString(this HttpResponseData response, string value, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        response.Body.Write((encoding ?? Encoding.UTF8).GetBytes(value));
    }

    public static Task WriteStringAsync(this HttpResponseData response, string value, Encoding? encoding = null) =>
        response.WriteStringAsync(value, CancellationToken.None, encoding);

    public static Task WriteStringAsync(this HttpResponseData response, string value, CancellationToken cancellationToken, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(value);
        return response.Body.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
    }

    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, CancellationToken cancellationToken = default) =>
        response.WriteAsJsonAsync(instance, JsonContentType, cancellationToken);

    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.WriteAsJsonAsync(instance, WorkerSerializer.Of(response.FunctionContext), contentType, cancellationToken);
    }

    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, ObjectSerializer serializer, CancellationToken cancellationToken = default) =>
        response.WriteAsJsonAsync(instance, serializer, JsonContentType, cancellationToken);

    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, ObjectSerializer serializer, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(contentType);
        response.Headers.Add("Content-Type", contentType);
        return serializer.SerializeAsync(response.Body, instance, typeof(T), cancellationToken);
    }

    public static void WriteBytes(this HttpResponseData response, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        response.Body.Write(value, 0, value.Length);
    }

    public static Task WriteBytesAsync(this HttpResponseData response, byte[] value) =>
        response.WriteBytesAsync(value, CancellationToken.None);

    public static Task WriteBytesAsync(this HttpResponseData response, byte[] value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        return response.Body.WriteAsync(value, 0, value.Length, cancellationToken);
    }
}
