namespace OmoiOs.Core.Domain;

/// <summary>What one run of a task produced.</summary>
public sealed record WorkTaskResult
{
    public int? ExitCode { get; init; }

    public string? DiffStat { get; init; }

    public bool ChecksPassed { get; init; }

    public decimal CostUsd { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long DurationMs { get; init; }

    /// <summary>The commit merged into the spec branch, when there was one.</summary>
    public string? MergedCommit { get; init; }

    /// <summary>Key of the full log in the large-text store (never truncated).</summary>
    public string? LogKey { get; init; }
}
