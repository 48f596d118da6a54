using OmoiOs.Core.Errors;

namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>
/// The plan's tasks as arrays indexed by input position: dependencies and dependants (compressed adjacency), and each
/// task's remaining path. Built in O(V+E); rejects duplicate ids, unknown dependencies and cycles.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly int[] _dependencyStarts;
    private readonly int[] _dependencies;
    private readonly int[] _dependantStarts;
    private readonly int[] _dependants;

    private DependencyGraph(IReadOnlyList<PlanTask> tasks, Dictionary<string, int> index, List<int>[] dependencyLists)
    {
        Tasks = tasks;
        Index = index;
        (_dependencyStarts, _dependencies) = Compress(dependencyLists);
        (_dependantStarts, _dependants) = Compress(Reverse(dependencyLists));
        var order = SortTopologically();
        if (order.Length < tasks.Count)
        {
            throw new ValidationFailedException(
                "dependsOn",
                $"The tasks form a dependency cycle (each waits for the next): {string.Join(" → ", FindCycle(order))}.");
        }

        RemainingHours = ComputeRemainingHours(order);
        CriticalPathHours = RemainingHours.Length == 0 ? 0 : RemainingHours.Max();
    }

    public IReadOnlyList<PlanTask> Tasks { get; }

    public IReadOnlyDictionary<string, int> Index { get; }

    /// <summary>Per task: its own estimate plus the longest chain of estimates of the tasks that wait for it.</summary>
    public double[] RemainingHours { get; }

    public double CriticalPathHours { get; }

    public int Count => Tasks.Count;

    public static DependencyGraph Build(IReadOnlyList<PlanTask> tasks)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(tasks.Count, StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i] ?? throw new ArgumentException($"Task {i} is null.", nameof(tasks));
            if (string.IsNullOrWhiteSpace(task.Id))
            {
                Add(errors, "id", $"Task {i} has no id.");
            }
            else if (!index.TryAdd(task.Id, i))
            {
                Add(errors, "id", $"Task id '{task.Id}' is given more than once.");
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

        var dependencyLists = new List<int>[tasks.Count];
        var lastSeenBy = new int[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            dependencyLists[i] = [];
            foreach (var dependency in tasks[i].DependsOn ?? [])
            {
                if (dependency is null || !index.TryGetValue(dependency, out var target))
                {
                    Add(errors, "dependsOn", $"Task '{tasks[i].Id}' depends on unknown task '{dependency}'.");
                }
                else if (lastSeenBy[target] != i + 1)
                {
                    lastSeenBy[target] = i + 1;
                    dependencyLists[i].Add(target);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return new DependencyGraph(tasks, index, dependencyLists);
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

    /// <summary>Kahn's algorithm: the order is shorter than the graph when there is a cycle.</summary>
    private int[] SortTopologically()
    {
        var waiting = new int[Count];
        var order = new int[Count];
        var tail = 0;
        for (var i = 0; i < Count; i++)
        {
            waiting[i] = DependenciesOf(i).Length;
            if (waiting[i] == 0)
            {
                order[tail++] = i;
            }
        }

        for (var head = 0; head < tail; head++)
        {
            foreach (var dependant in DependantsOf(order[head]))
            {
                if (--waiting[dependant] == 0)
                {
                    order[tail++] = dependant;
                }
            }
        }

        return order[..tail];
    }

    /// <summary>
    /// Every task Kahn's algorithm left over waits for at least one other leftover, so following such dependencies
    /// from the first leftover must come back to a task already on the walk: that loop is a cycle.
    /// </summary>
    private IEnumerable<string> FindCycle(int[] sorted)
    {
        var isSorted = new bool[Count];
        foreach (var task in sorted)
        {
            isSorted[task] = true;
        }

        var positionOnWalk = new int[Count];
        Array.Fill(positionOnWalk, -1);
        var walk = new List<int>();
        var current = Array.IndexOf(isSorted, false);
        while (positionOnWalk[current] < 0)
        {
            positionOnWalk[current] = walk.Count;
            walk.Add(current);
            foreach (var dependency in DependenciesOf(current))
            {
                if (!isSorted[dependency])
                {
                    current = dependency;
                    break;
                }
            }
        }

        return walk.Skip(positionOnWalk[current]).Append(current).Select(i => Tasks[i].Id);
    }

    private double[] ComputeRemainingHours(int[] order)
    {
        var remaining = new double[Count];
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var task = order[k];
            var longest = 0.0;
            foreach (var dependant in DependantsOf(task))
            {
                longest = Math.Max(longest, remaining[dependant]);
            }

            remaining[task] = Tasks[task].EstimatedHours + longest;
        }

        return remaining;
    }

    private static List<int>[] Reverse(List<int>[] lists)
    {
        var reversed = new List<int>[lists.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            reversed[i] = [];
        }

        for (var i = 0; i < lists.Length; i++)
        {
            foreach (var target in lists[i])
            {
                reversed[target].Add(i);
            }
        }

        return reversed;
    }

    /// <summary>Adjacency lists as one array of targets plus start offsets, so a neighbour walk touches one array.</summary>
    private static (int[] Starts, int[] Targets) Compress(List<int>[] lists)
    {
        var starts = new int[lists.Length + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            starts[i + 1] = starts[i] + lists[i].Count;
        }

        var targets = new int[starts[^1]];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i].CopyTo(targets, starts[i]);
        }

        return (starts, targets);
    }
}
