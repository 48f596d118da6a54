namespace OmoiOs.Core.Execution;

/// <summary>
/// How a sandboxed command ended. <see cref="Output"/> is stdout and stderr interleaved; when it exceeded the cap its head
/// and tail are kept with an explicit marker between them and <see cref="TotalOutputBytes"/> says how much there was.
/// </summary>
public sealed record SandboxCommandResult
{
    /// <summary>The exit code; 128 + signal when it was killed.</summary>
    public required int ExitCode { get; init; }

    public required string Output { get; init; }

    public required long TotalOutputBytes { get; init; }

    public bool Truncated { get; init; }

    public bool TimedOut { get; init; }

    /// <summary>The command tried to start more processes than the sandbox allows (a fork bomb is contained here).</summary>
    public bool ProcessLimitReached { get; init; }

    /// <summary>The workspace reached its disk quota.</summary>
    public bool DiskQuotaExceeded { get; init; }

    public required TimeSpan Duration { get; init; }

    public bool Succeeded => ExitCode == 0 && !TimedOut && !ProcessLimitReached && !DiskQuotaExceeded;

    /// <summary>The limits this command hit, in words, or null when none.</summary>
    public string? LimitsHit =>
        (TimedOut, ProcessLimitReached, DiskQuotaExceeded) switch
        {
            (false, false, false) => null,
            _ => string.Join(", ", new[]
            {
                TimedOut ? "wall-clock timeout" : null,
                ProcessLimitReached ? "process limit" : null,
                DiskQuotaExceeded ? "disk quota" : null,
            }.OfType<string>()),
        };
}
