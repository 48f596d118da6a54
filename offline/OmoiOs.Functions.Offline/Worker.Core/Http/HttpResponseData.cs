using System.Net;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>An HTTP trigger's response, without ASP.NET Core integration.</summary>
public abstract class HttpResponseData
{
    public HttpResponseData(FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        FunctionContext = functionContext;
    }

    public abstract HttpStatusCode StatusCode { get; set; }

    public abstract HttpHeadersCollection Headers { get; set; }

    public abstract Stream Body { get; set; }

    public abstract HttpCookies Cookies { get; }

    public FunctionContext FunctionContext { get; }

    public static HttpResponseData CreateResponse(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse();
    }
}
