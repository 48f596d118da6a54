namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>A cookie's SameSite attribute.</summary>
public enum SameSite
{
    None = 0,
    Lax = 1,
    Strict = 2,
    ExplicitNone = 3,
}
