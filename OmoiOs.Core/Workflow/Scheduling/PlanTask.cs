using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>A task as the execution plan sees it.</summary>
/// <param name="Id">The task's id; <paramref name="DependsOn"/> names other tasks by this id.</param>
/// <param name="EstimatedHours">The planner's estimate; drives the remaining critical path.</param>
/// <param name="Attempts">Runs already made; each <see cref="ExecutionPlan.Requeue"/> adds one.</param>
/// <param name="CreatedAt">Where the queue age starts (the reference's age term, capped at one hour).</param>
public sealed record PlanTask(
    string Id,
    IReadOnlyList<string> DependsOn,
    Priority Priority,
    double EstimatedHours,
    int Attempts,
    int MaxRetries,
    DateTimeOffset CreatedAt);
