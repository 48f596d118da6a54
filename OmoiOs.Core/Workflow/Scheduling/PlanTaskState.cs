namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>Where a task stands in an <see cref="ExecutionPlan"/>.</summary>
public enum PlanTaskState
{
    /// <summary>Some dependency has not completed yet.</summary>
    Waiting,

    /// <summary>Every dependency completed; waiting for a slot.</summary>
    Ready,

    Running,
    Completed,
    Failed,

    /// <summary>A dependency failed or was blocked, so this task will not run.</summary>
    Blocked,
}
