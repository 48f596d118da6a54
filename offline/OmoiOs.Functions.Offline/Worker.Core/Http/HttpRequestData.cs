using System.Collections.Specialized;
using System.Security.Claims;
using System.Web;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>An HTTP trigger's request, without ASP.NET Core integration.</summary>
public abstract class HttpRequestData
{
    private NameValueCollection? _query;

    public HttpRequestData(FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        FunctionContext = functionContext;
    }

    public abstract Stream Body { get; }

    public abstract HttpHeadersCollection Headers { get; }

    public abstract IReadOnlyCollection<IHttpCookie> Cookies { get; }

    public abstract Uri Url { get; }

    public abstract IEnumerable<ClaimsIdentity> Identities { get; }

    public abstract string Method { get; }

    public FunctionContext FunctionContext { get; }

    public virtual NameValueCollection Query => _query ??= HttpUtility.ParseQueryString(Url.Query);

    public abstract HttpResponseData CreateResponse();
}
