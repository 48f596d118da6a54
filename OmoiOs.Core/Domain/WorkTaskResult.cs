namespace OmoiOs.Core.Domain;

/// <summary>What one run of a task produced.</summary>
public sealed record WorkTaskResult
{
    /// <summary>The agent's exit code.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The check command's exit code; null when no check ran.</summary>
    public int? CheckExitCode { get; init; }

    /// <summary>The check command that ran (or was to run) in the sandbox; null when there was none.</summary>
    public string? CheckCommand { get; init; }

    /// <summary>Why that check, or why none: e.g. pytest was not found in the sandbox, so a fallback ran instead.</summary>
    public string? CheckReason { get; init; }

    public string? DiffStat { get; init; }

    public bool ChecksPassed { get; init; }

    public decimal CostUsd { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long DurationMs { get; init; }

    public long AgentDurationMs { get; init; }

    public long CheckDurationMs { get; init; }

    /// <summary>The task branch in the user's repository that holds this run's commits.</summary>
    public string? Branch { get; init; }

    /// <summary>The commit merged into the spec branch, when there was one.</summary>
    public string? MergedCommit { get; init; }

    /// <summary>Key of the full log in the large-text store (never truncated).</summary>
    public string? LogKey { get; init; }
}
