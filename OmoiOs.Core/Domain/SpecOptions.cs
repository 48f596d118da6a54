namespace OmoiOs.Core.Domain;

/// <summary>How one spec is run. Defaults suit the local quick start: heuristic planner, no approval gates, local sandbox.</summary>
public sealed record SpecOptions
{
    public const int DefaultMaxParallelTasks = 4;
    public const int DefaultTaskTimeoutSeconds = 1800;
    public const int DefaultMaxRetries = 3;

    public string Planner { get; init; } = "heuristic";

    public IReadOnlyList<ApprovalGate> RequireApproval { get; init; } = [];

    public int MaxParallelTasks { get; init; } = DefaultMaxParallelTasks;

    public decimal? BudgetUsd { get; init; }

    public string Sandbox { get; init; } = "local";

    /// <summary>The name of one of the host's agents (a preset or one defined in <c>OMOI_AGENTS__*</c>); null means the host's default (<c>OMOI_AGENT</c>).</summary>
    public string? Agent { get; init; }

    public int TaskTimeoutSeconds { get; init; } = DefaultTaskTimeoutSeconds;

    /// <summary>The command that validates a task's work; null means the test command EXPLORE detected.</summary>
    public string? CheckCommand { get; init; }

    /// <summary>
    /// A shell command run in the sandbox, in the task's workspace, before the agent (e.g. installing dependencies);
    /// null means the repository's <c>.omoi/setup.sh</c> when it has one. A failing setup fails the task without retries.
    /// </summary>
    public string? SetupCommand { get; init; }

    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>How long an approval gate waits before the spec fails.</summary>
    public int ApprovalTimeoutSeconds { get; init; } = 7 * 24 * 3600;

    /// <summary>Keep each task's branch after it is merged into the spec branch (by default it is deleted then).</summary>
    public bool KeepTaskBranches { get; init; }
}
