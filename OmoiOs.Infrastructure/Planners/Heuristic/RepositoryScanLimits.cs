namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Bounds of one repository scan. Not configuration: the defaults suit every repository the heuristic planner
/// should see, and a bounded scan says so in its output (<c>scan.truncated</c>).
/// </summary>
public sealed record RepositoryScanLimits
{
    public int MaxFiles { get; init; } = 20_000;

    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Files larger than this are listed as skipped rather than read for their line count.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Manifests (package.json, Makefile, *.csproj…) larger than this are not read for commands and packages.</summary>
    public int MaxManifestBytes { get; init; } = 64 * 1024;

    /// <summary>How many skipped paths the output lists; the counts cover all of them.</summary>
    public int MaxSkippedListed { get; init; } = 100;

    /// <summary>Time allowed for each git command.</summary>
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
