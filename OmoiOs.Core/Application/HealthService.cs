using System.Reflection;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Application;

/// <summary>What both hosts answer on <c>GET /api/health</c>.</summary>
public sealed class HealthService(IStorageHealthProbe storage)
{
    public static string Version { get; } =
        typeof(HealthService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken) =>
        new(Version, await storage.IsReachableAsync(cancellationToken).ConfigureAwait(false) ? HealthReport.StorageOk : HealthReport.StorageUnreachable);
}
