using System.Text.Json.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>An executable task: one sandboxed agent run (with retries) for one spec task.</summary>
public sealed record WorkTask
{
    public required string Id { get; init; }

    public required string SpecId { get; init; }

    public required string TicketId { get; init; }

    public required string SpecTaskId { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public WorkTaskType Type { get; init; } = WorkTaskType.ImplementFeature;

    public Priority Priority { get; init; } = Priority.Medium;

    /// <summary>The planner's estimate, which orders ready tasks by their remaining critical path.</summary>
    public double EstimatedHours { get; init; }

    public WorkTaskStatus Status { get; init; } = WorkTaskStatus.Pending;

    /// <summary>Ids of the work tasks this one waits for (real record ids).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyList<string> OwnedFiles { get; init; } = [];

    /// <summary>Runs started so far (the reference's retry_count + 1 once running).</summary>
    public int Attempts { get; init; }

    public int MaxRetries { get; init; } = SpecOptions.DefaultMaxRetries;

    public int TimeoutSeconds { get; init; } = SpecOptions.DefaultTaskTimeoutSeconds;

    public string? SandboxId { get; init; }

    public string? Branch { get; init; }

    public WorkTaskResult? Result { get; init; }

    public string? Error { get; init; }

    /// <summary>What the next attempt is told: the failed check's output or a merge conflict.</summary>
    public string? Feedback { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    [JsonIgnore]
    public string? Version { get; init; }
}
