using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>
/// Which ready task runs next: the reference's queue score, in this one place.
/// score = 0.45·priority (critical 1, high .75, medium .5, low .25) + 0.20·age (capped at 1 h) + 0.15·deadline urgency
/// + 0.15·tasks it unblocks (capped at 10) + 0.05·(1 − retries/max retries). Higher runs first.
/// Within one spec's plan, <see cref="Rank"/> adds the task's share of the critical path to the score
/// (see docs/benchmarks.md for why: the score alone leaves makespans ~7% above the lower bound, the sum ~1%).
/// </summary>
public sealed class TaskQueuePolicy
{
    public const double PriorityWeight = 0.45;
    public const double AgeWeight = 0.20;
    public const double DeadlineWeight = 0.15;
    public const double UnblocksWeight = 0.15;
    public const double RetryWeight = 0.05;
    public const int UnblocksCeiling = 10;

    /// <summary>The weight of a task's remaining path as a share of the critical path, next to the score (whose weights sum to 1).</summary>
    public const double CriticalPathWeight = 1.0;

    public static readonly TimeSpan AgeCeiling = TimeSpan.FromHours(1);

    /// <summary>Deadline urgency rises linearly from 0 when this far out to 1 at the deadline (1 once past it).</summary>
    public static readonly TimeSpan DefaultDeadlineWindow = TimeSpan.FromHours(1);

    private readonly TimeSpan _deadlineWindow;

    public TaskQueuePolicy(TimeSpan deadlineWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadlineWindow, TimeSpan.Zero);
        _deadlineWindow = deadlineWindow;
    }

    public static TaskQueuePolicy Default { get; } = new(DefaultDeadlineWindow);

    public static double PriorityValue(Priority priority) => priority switch
    {
        Priority.Critical => 1.0,
        Priority.High => 0.75,
        Priority.Medium => 0.5,
        Priority.Low => 0.25,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };

    /// <param name="tasksUnblocked">How many waiting tasks depend on this one .</param>
    /// <param name="deadline">When the task is due, if it has a deadline.</param>
    public double Score(WorkTask task, int tasksUnblocked, DateTimeOffset now, DateTimeOffset? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Score(task.Priority, task.CreatedAt, task.Attempts, task.MaxRetries, tasksUnblocked, now, deadline);
    }

    /// <summary>The score from the task's fields themselves, for callers that keep tasks in their own shape.</summary>
    public double Score(
        Priority priority,
        DateTimeOffset createdAt,
        int attempts,
        int maxRetries,
        int tasksUnblocked,
        DateTimeOffset now,
        DateTimeOffset? deadline = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tasksUnblocked);
        var age = Math.Clamp((now - createdAt) / AgeCeiling, 0, 1);
        var unblocks = Math.Min(tasksUnblocked, UnblocksCeiling) / (double)UnblocksCeiling;
        var retries = Math.Clamp(attempts / (double)Math.Max(maxRetries, 1), 0, 1);
        return PriorityWeight * PriorityValue(priority)
            + AgeWeight * age
            + DeadlineWeight * DeadlineUrgency(deadline, now)
            + UnblocksWeight * unblocks
            + RetryWeight * (1 - retries);
    }

    /// <summary>
    /// The order of ready tasks within one spec's plan: <see cref="CriticalPathWeight"/> · (the task's remaining path
    /// ÷ the spec's critical path) + <paramref name="score"/>. Higher runs first.
    /// </summary>
    /// <param name="remainingPathHours">The task's own estimate plus the longest chain of tasks waiting for it.</param>
    /// <param name="criticalPathHours">The longest such chain in the spec (0 when nothing has an estimate).</param>
    public static double Rank(double remainingPathHours, double criticalPathHours, double score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remainingPathHours);
        ArgumentOutOfRangeException.ThrowIfNegative(criticalPathHours);
        var share = criticalPathHours > 0 ? Math.Min(remainingPathHours / criticalPathHours, 1) : 0;
        return CriticalPathWeight * share + score;
    }

    private double DeadlineUrgency(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } due)
        {
            return 0;
        }

        var slack = due - now;
        return slack <= TimeSpan.Zero ? 1 : Math.Max(0, 1 - (slack / _deadlineWindow));
    }

}
