namespace OmoiOs.Functions.Http;

/// <summary>Body of <c>GET /api/health</c>: <c>{ "version": "…", "storage": "ok|unreachable" }</c>.</summary>
public sealed record HealthResponse(string Version, string Storage)
{
    public const string StorageOk = "ok";

    public const string StorageUnreachable = "unreachable";
}
