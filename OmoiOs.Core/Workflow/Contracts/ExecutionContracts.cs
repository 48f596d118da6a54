using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Workflow.Contracts;

public sealed record PrepareExecutionInput(string SpecId, IReadOnlyList<string>? SpecTaskIds);

/// <summary>The task graph to execute, with each task's state so a resumed run skips what is done.</summary>
public sealed record ExecutionPlanInput(string SpecId, string TicketId, IReadOnlyList<PlannedWorkTask> Tasks);

public sealed record PlannedWorkTask(
    string Id,
    IReadOnlyList<string> DependsOn,
    Priority Priority,
    double EstimatedHours,
    WorkTaskStatus Status,
    int Attempts,
    int MaxRetries,
    DateTimeOffset CreatedAt);

/// <param name="ExecutionId">Names this run of EXECUTE, whose plan does not change, so attempts may share what they read; null shares nothing.</param>
public sealed record RunTaskAttemptInput(string SpecId, string TaskId, int Attempt, string? Feedback, string? ExecutionId = null);

/// <summary>One attempt's verdict; <see cref="SpecCostUsd"/> is the spec's whole cost so far, for the budget.</summary>
public sealed record TaskAttemptResult(string TaskId, int Attempt, WorkTaskStatus Status, string? Feedback, string? Error, decimal SpecCostUsd);

public sealed record BlockTasksInput(string SpecId, string FailedTaskId, IReadOnlyList<string> TaskIds);

public sealed record CompleteSpecInput(string SpecId, string? FailureReason);
