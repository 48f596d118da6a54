using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>Request or response headers; values are added without validation, as the host does.</summary>
public class HttpHeadersCollection : HttpHeaders
{
    public HttpHeadersCollection()
    {
    }

    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, values) in headers)
        {
            TryAddWithoutValidation(name, values);
        }
    }

    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, value) in headers)
        {
            TryAddWithoutValidation(name, value);
        }
    }
}
