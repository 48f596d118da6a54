using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace OmoiOs.Tests.Functions.TestHttp;

/// <summary>An in-memory HTTP trigger request; its responses are <see cref="TestHttpResponseData"/>.</summary>
internal sealed class TestHttpRequestData : HttpRequestData
{
    public TestHttpRequestData(FunctionContext functionContext, string method, Uri url, string? body = null)
        : base(functionContext)
    {
        Method = method;
        Url = url;
        Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
    }

    public override Stream Body { get; }

    public override HttpHeadersCollection Headers { get; } = new();

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; }

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);
}
