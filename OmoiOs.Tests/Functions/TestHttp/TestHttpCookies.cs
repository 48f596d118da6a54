using Microsoft.Azure.Functions.Worker.Http;

namespace OmoiOs.Tests.Functions.TestHttp;

/// <summary>Collects the cookies a response sets.</summary>
internal sealed class TestHttpCookies : HttpCookies
{
    public List<IHttpCookie> Appended { get; } = [];

    public override void Append(string name, string value) => Appended.Add(new HttpCookie(name, value));

    public override void Append(IHttpCookie cookie) => Appended.Add(cookie);

    public override IHttpCookie CreateNew() => new HttpCookie(string.Empty, string.Empty);
}
