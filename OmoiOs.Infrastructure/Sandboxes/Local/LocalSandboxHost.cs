namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>What the local provider found on this machine, probed once: how to sandbox and how to limit processes.</summary>
internal sealed record LocalSandboxHost
{
    /// <summary>The bubblewrap executable; null in unsafe (unsandboxed) mode.</summary>
    public required string? BubblewrapPath { get; init; }

    public required string EtcOverlayPath { get; init; }

    public required PidsCgroupRoot? Cgroups { get; init; }

    /// <summary>Set when there is no usable pids cgroup and the host is not root, so RLIMIT_NPROC does count.</summary>
    public required int? ProcessRlimit { get; init; }

    public bool Unsafe => BubblewrapPath is null;
}
