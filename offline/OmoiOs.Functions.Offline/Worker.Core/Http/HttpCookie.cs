namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>A settable cookie.</summary>
public sealed class HttpCookie : IHttpCookie
{
    public HttpCookie(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
    }

    public string? Domain { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public bool? HttpOnly { get; set; }

    public double? MaxAge { get; set; }

    public string Name { get; set; }

    public string? Path { get; set; }

    public SameSite SameSite { get; set; }

    public bool? Secure { get; set; }

    public string Value { get; set; }
}
