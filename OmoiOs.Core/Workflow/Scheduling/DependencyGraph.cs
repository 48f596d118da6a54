using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;

namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>
/// The plan's view of a <see cref="TaskGraph"/>: tasks by input position, with dependencies and dependants as int
/// ranges (compressed adjacency) so that the plan's every step walks arrays instead of looking up ids, and each task's
/// remaining path. Built in O(V+E); rejects what a plan cannot run: duplicate or empty ids, dependencies on unknown
/// tasks, cycles, and estimates or retry counts out of range.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly int[] _dependencyStarts;
    private readonly int[] _dependencies;
    private readonly int[] _dependantStarts;
    private readonly int[] _dependants;

    private DependencyGraph(IReadOnlyList<PlanTask> tasks, TaskGraph graph)
    {
        Tasks = tasks;
        Index = new Dictionary<string, int>(tasks.Count, StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            Index.Add(tasks[i].Id, i);
        }

        (_dependencyStarts, _dependencies) = Compress(tasks, graph.DependenciesOf);
        (_dependantStarts, _dependants) = Compress(tasks, graph.DependentsOf);
        RemainingHours = tasks.Select(t => graph.RemainingHours(t.Id)).ToArray();
        CriticalPathHours = graph.CriticalPath.Hours;
    }

    public IReadOnlyList<PlanTask> Tasks { get; }

    public Dictionary<string, int> Index { get; }

    /// <summary>Per task: its own estimate plus the longest chain of estimates of the tasks that wait for it.</summary>
    public double[] RemainingHours { get; }

    public double CriticalPathHours { get; }

    public int Count => Tasks.Count;

    public static DependencyGraph Build(IReadOnlyList<PlanTask> tasks)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i] ?? throw new ArgumentException($"Task {i} is null.", nameof(tasks));
            if (string.IsNullOrWhiteSpace(task.Id))
            {
                Add(errors, "id", $"Task {i} has no id.");
            }

            if (!double.IsFinite(task.EstimatedHours) || task.EstimatedHours < 0)
            {
                Add(errors, "estimatedHours", $"Task '{task.Id}' has estimate {task.EstimatedHours}; it must be a finite number >= 0.");
            }

            if (task.Attempts < 0 || task.MaxRetries < 0)
            {
                Add(errors, "attempts", $"Task '{task.Id}' has negative attempts or max retries.");
            }
        }

        var graph = TaskGraph.Build(tasks.Select(t => new TaskNode(t.Id, t.DependsOn, t.EstimatedHours)));
        foreach (var duplicate in graph.DuplicateIds.Distinct(StringComparer.Ordinal))
        {
            Add(errors, "id", $"Task id '{duplicate}' is given more than once.");
        }

        foreach (var dangling in graph.DanglingDependencies)
        {
            Add(errors, "dependsOn", $"Task '{dangling.TaskId}' depends on unknown task '{dangling.MissingId}'.");
        }

        if (errors.Count == 0 && graph.HasCycle)
        {
            Add(errors, "dependsOn", $"The tasks form a dependency cycle (each waits for the next): {string.Join(" → ", graph.Cycle)}.");
        }

        return errors.Count == 0
            ? new DependencyGraph(tasks, graph)
            : throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }

    public ReadOnlySpan<int> DependenciesOf(int task) =>
        _dependencies.AsSpan(_dependencyStarts[task], _dependencyStarts[task + 1] - _dependencyStarts[task]);

    public ReadOnlySpan<int> DependantsOf(int task) =>
        _dependants.AsSpan(_dependantStarts[task], _dependantStarts[task + 1] - _dependantStarts[task]);

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Neighbour lists as one array of task positions plus start offsets.</summary>
    private (int[] Starts, int[] Targets) Compress(IReadOnlyList<PlanTask> tasks, Func<string, IReadOnlyList<string>> neighboursOf)
    {
        var lists = tasks.Select(t => neighboursOf(t.Id)).ToArray();
        var starts = new int[lists.Length + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            starts[i + 1] = starts[i] + lists[i].Count;
        }

        var targets = new int[starts[^1]];
        for (var i = 0; i < lists.Length; i++)
        {
            for (var k = 0; k < lists[i].Count; k++)
            {
                targets[starts[i] + k] = Index[lists[i][k]];
            }
        }

        return (starts, targets);
    }
}
