using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>
/// Which ready task runs next: the reference's queue score, in this one place.
/// score = 0.45·priority (critical 1, high .75, medium .5, low .25) + 0.20·age (capped at 1 h) + 0.15·deadline urgency
/// + 0.15·tasks it unblocks (capped at 10) + 0.05·(1 − retries/max retries). Higher runs first.
/// </summary>
public sealed class TaskQueuePolicy
{
    public const double PriorityWeight = 0.45;
    public const double AgeWeight = 0.20;
    public const double DeadlineWeight = 0.15;
    public const double UnblocksWeight = 0.15;
    public const double RetryWeight = 0.05;
    public const int UnblocksCeiling = 10;

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

    /// <param name="tasksUnblocked">How many waiting tasks depend on this one (see <see cref="CountUnblocked"/>).</param>
    /// <param name="deadline">When the task is due, if it has a deadline.</param>
    public double Score(WorkTask task, int tasksUnblocked, DateTimeOffset now, DateTimeOffset? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfNegative(tasksUnblocked);
        var age = Math.Clamp((now - task.CreatedAt) / AgeCeiling, 0, 1);
        var unblocks = Math.Min(tasksUnblocked, UnblocksCeiling) / (double)UnblocksCeiling;
        var retries = Math.Clamp(task.Attempts / (double)Math.Max(task.MaxRetries, 1), 0, 1);
        return PriorityWeight * PriorityValue(task.Priority)
            + AgeWeight * age
            + DeadlineWeight * DeadlineUrgency(deadline, now)
            + UnblocksWeight * unblocks
            + RetryWeight * (1 - retries);
    }

    /// <summary>
    /// The ready tasks, best first. <paramref name="allTasks"/> (the spec's tasks) tells how many waiting tasks each unblocks.
    /// Ties go to the older task, then to the smaller id, so the order is deterministic.
    /// </summary>
    public IReadOnlyList<WorkTask> Order(
        IEnumerable<WorkTask> readyTasks,
        IReadOnlyCollection<WorkTask> allTasks,
        DateTimeOffset now,
        Func<WorkTask, DateTimeOffset?>? deadlineOf = null)
    {
        ArgumentNullException.ThrowIfNull(readyTasks);
        ArgumentNullException.ThrowIfNull(allTasks);
        return readyTasks
            .Select(task => (Task: task, Score: Score(task, CountUnblocked(task, allTasks), now, deadlineOf?.Invoke(task))))
            .OrderByDescending(entry => entry.Score)
            .ThenBy(entry => entry.Task.CreatedAt)
            .ThenBy(entry => entry.Task.Id, StringComparer.Ordinal)
            .Select(entry => entry.Task)
            .ToList();
    }

    /// <summary>How many tasks that have not finished list <paramref name="task"/> among their dependencies.</summary>
    public static int CountUnblocked(WorkTask task, IEnumerable<WorkTask> allTasks)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(allTasks);
        return allTasks.Count(other => !IsFinished(other.Status) && other.DependsOn.Contains(task.Id, StringComparer.Ordinal));
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

    private static bool IsFinished(WorkTaskStatus status) =>
        status is WorkTaskStatus.Completed or WorkTaskStatus.Failed or WorkTaskStatus.Cancelled;
}
