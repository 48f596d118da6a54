namespace OmoiOs.Core.Application;

/// <summary>Body of <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Version, string Storage)
{
    public const string StorageOk = "ok";
    public const string StorageUnreachable = "unreachable";
}
