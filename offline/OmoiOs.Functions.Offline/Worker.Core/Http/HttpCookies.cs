namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>The cookies a response sets.</summary>
public abstract class HttpCookies
{
    public abstract void Append(string name, string value);

    public abstract void Append(IHttpCookie cookie);

    public abstract IHttpCookie CreateNew();
}
