using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>
/// The failed and blocked tasks of a spec with their reasons, read from the task records: a failed task's recorded
/// error or its last attempt's feedback (the check or agent output), a blocked task's failed dependencies.
/// </summary>
public static class TaskFailures
{
    /// <summary>How many of the failing output's last lines a <see cref="TaskFailure"/> keeps.</summary>
    public const int TailLines = 10;

    /// <summary>Failed tasks first, in the order they failed, then blocked tasks in key order.</summary>
    public static IReadOnlyList<TaskFailure> Of(IReadOnlyList<WorkTask> tasks, IReadOnlyList<SpecTask> specTasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(specTasks);
        var keys = specTasks.ToDictionary(t => t.Id, t => t.Key, StringComparer.Ordinal);
        var byId = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        string KeyOf(WorkTask task) => keys.GetValueOrDefault(task.SpecTaskId) ?? task.Id;

        var failed = tasks
            .Where(t => t.Status == WorkTaskStatus.Failed)
            .OrderBy(t => t.CompletedAt ?? t.UpdatedAt)
            .ThenBy(KeyOf, StringComparer.Ordinal)
            .Select(t => Failed(t, KeyOf(t)));
        var blocked = tasks
            .Where(t => t.Status == WorkTaskStatus.Blocked)
            .OrderBy(KeyOf, StringComparer.Ordinal)
            .Select(t => new TaskFailure(t.Id, KeyOf(t), t.Title, t.Status, BlockedReason(t, byId, KeyOf), []));
        return [.. failed, .. blocked];
    }

    /// <summary>
    /// The spec's failure reason: the first failed task and its reason, then the counts; only the counts when no task
    /// failed (tasks blocked or not run).
    /// </summary>
    public static string SpecReason(IReadOnlyList<TaskFailure> failures, int total, int completed)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var failed = failures.Count(f => f.Status == WorkTaskStatus.Failed);
        var blocked = failures.Count(f => f.Status == WorkTaskStatus.Blocked);
        var counts = $"{failed} task(s) failed, {blocked} blocked, {total - completed - failed - blocked} not run";
        return failures.FirstOrDefault(f => f.Status == WorkTaskStatus.Failed) is { } first
            ? $"{first.Key} failed: {first.Reason} ({counts})"
            : counts;
    }

    private static TaskFailure Failed(WorkTask task, string key)
    {
        var text = (task.Error ?? task.Feedback ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var lines = text.Split('\n');
        var tail = lines.Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(TailLines).ToList();
        return new TaskFailure(task.Id, key, task.Title, task.Status, text.Length == 0 ? "no reason was recorded" : Headline(lines[0]), tail);
    }

    /// <summary>The first line without a closing sentence that only introduces the output below it ("The end of its output:").</summary>
    private static string Headline(string line)
    {
        var trimmed = line.Trim();
        var lastSentence = trimmed.LastIndexOf(". ", StringComparison.Ordinal);
        return trimmed.EndsWith(':') && lastSentence > 0 ? trimmed[..(lastSentence + 1)] : trimmed;
    }

    private static string BlockedReason(WorkTask task, Dictionary<string, WorkTask> byId, Func<WorkTask, string> keyOf)
    {
        var causes = task.DependsOn
            .Select(byId.GetValueOrDefault)
            .OfType<WorkTask>()
            .Where(d => d.Status is WorkTaskStatus.Failed or WorkTaskStatus.Blocked)
            .Select(d => $"{keyOf(d)} ({(d.Status == WorkTaskStatus.Failed ? "failed" : "blocked")})")
            .ToList();
        return causes.Count > 0 ? $"waits for {string.Join(", ", causes)}" : task.Error ?? "blocked";
    }
}
