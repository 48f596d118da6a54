using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow.Scheduling;

namespace OmoiOs.Tests.Core.Workflow.Scheduling;

/// <summary>Builds plan tasks for the scheduling tests: medium priority, one hour, no attempts, created at <see cref="T0"/>.</summary>
internal static class PlanTasks
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static PlanTask Task(string id, params string[] dependsOn) =>
        new(id, dependsOn, Priority.Medium, EstimatedHours: 1, Attempts: 0, MaxRetries: 3, CreatedAt: T0);

    /// <summary>A ← B, A ← C, {B, C} ← D with the given hours.</summary>
    public static PlanTask[] Diamond(double a = 1, double b = 1, double c = 1, double d = 1) =>
    [
        Task("A") with { EstimatedHours = a },
        Task("B", "A") with { EstimatedHours = b },
        Task("C", "A") with { EstimatedHours = c },
        Task("D", "B", "C") with { EstimatedHours = d },
    ];
}
