using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning;

/// <summary>
/// A task dependency graph with everything planning and scheduling ask of it, each in O(V+E): cycle detection
/// with the cycle's path, a topological order, depth-based parallel groups, the critical path, and for every task
/// the longest remaining path (in hours) from it to the end. Bad input never throws while building: duplicate
/// ids and dependencies on unknown tasks are recorded and left out of the graph.
/// </summary>
public sealed class TaskGraph
{
    private readonly string[] _ids;
    private readonly Dictionary<string, int> _index;
    private readonly double[] _hours;
    private readonly int[] _dependencyStarts;
    private readonly int[] _dependencies;
    private readonly int[] _dependentStarts;
    private readonly int[] _dependents;
    private readonly int[] _order;
    private readonly int[] _depth;
    private readonly double[] _remaining;

    private TaskGraph(
        string[] ids,
        Dictionary<string, int> index,
        double[] hours,
        List<int>[] dependencyLists,
        IReadOnlyList<string> duplicateIds,
        IReadOnlyList<DanglingDependency> danglingDependencies)
    {
        _ids = ids;
        _index = index;
        _hours = hours;
        DuplicateIds = duplicateIds;
        DanglingDependencies = danglingDependencies;
        (_dependencyStarts, _dependencies) = Compress(dependencyLists);
        (_dependentStarts, _dependents) = Compress(Reverse(dependencyLists));
        (_order, _depth) = SortTopologically();
        Cycle = _order.Length == ids.Length ? [] : FindCycle();
        _remaining = HasCycle ? [] : RemainingHours();
    }

    public int Count => _ids.Length;

    /// <summary>Task ids in the order given (first occurrence of each).</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Ids given more than once; only the first occurrence is in the graph.</summary>
    public IReadOnlyList<string> DuplicateIds { get; }

    public IReadOnlyList<DanglingDependency> DanglingDependencies { get; }

    /// <summary>One dependency cycle as a path that returns to its start (<c>TSK-002, TSK-005, TSK-002</c>); empty when there is none.</summary>
    public IReadOnlyList<string> Cycle { get; }

    public bool HasCycle => Cycle.Count > 0;

    /// <summary>Every task after the tasks it depends on; ties keep the given order.</summary>
    /// <exception cref="ValidationFailedException">The graph has a cycle.</exception>
    public IReadOnlyList<string> TopologicalOrder
    {
        get
        {
            EnsureAcyclic();
            return Array.ConvertAll(_order, i => _ids[i]);
        }
    }

    /// <summary>
    /// Tasks grouped by depth (0: no dependencies; n: one more than its deepest dependency). Every task of a group
    /// can run beside the others once the earlier groups are done.
    /// </summary>
    /// <exception cref="ValidationFailedException">The graph has a cycle.</exception>
    public IReadOnlyList<IReadOnlyList<string>> ParallelGroups
    {
        get
        {
            EnsureAcyclic();
            var groups = new List<List<string>>();
            for (var i = 0; i < _ids.Length; i++)
            {
                while (groups.Count <= _depth[i])
                {
                    groups.Add([]);
                }

                groups[_depth[i]].Add(_ids[i]);
            }

            return groups;
        }
    }

    /// <summary>The chain with the largest total estimate; ties go to the task given first.</summary>
    /// <exception cref="ValidationFailedException">The graph has a cycle.</exception>
    public CriticalPath CriticalPath
    {
        get
        {
            EnsureAcyclic();
            var current = -1;
            for (var i = 0; i < _ids.Length; i++)
            {
                if (_dependencyStarts[i] == _dependencyStarts[i + 1] && (current < 0 || _remaining[i] > _remaining[current]))
                {
                    current = i;
                }
            }

            if (current < 0)
            {
                return new CriticalPath([], 0);
            }

            var path = new List<string>();
            var total = _remaining[current];
            while (current >= 0)
            {
                path.Add(_ids[current]);
                var next = -1;
                for (var e = _dependentStarts[current]; e < _dependentStarts[current + 1]; e++)
                {
                    if (next < 0 || _remaining[_dependents[e]] > _remaining[next])
                    {
                        next = _dependents[e];
                    }
                }

                current = next;
            }

            return new CriticalPath(path, total);
        }
    }

    public static TaskGraph Build(IEnumerable<TaskNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes as IReadOnlyList<TaskNode> ?? nodes.ToList();
        var index = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        var kept = new List<TaskNode>(list.Count);
        var duplicates = new List<string>();
        foreach (var node in list)
        {
            ArgumentNullException.ThrowIfNull(node);
            if (index.TryAdd(node.Id, kept.Count))
            {
                kept.Add(node);
            }
            else
            {
                duplicates.Add(node.Id);
            }
        }

        var dangling = new List<DanglingDependency>();
        var dependencyLists = new List<int>[kept.Count];
        var seenBy = new int[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var dependencies = new List<int>(kept[i].DependsOn.Count);
            foreach (var dependency in kept[i].DependsOn)
            {
                if (!index.TryGetValue(dependency, out var target))
                {
                    dangling.Add(new DanglingDependency(kept[i].Id, dependency));
                }
                else if (seenBy[target] != i + 1)
                {
                    seenBy[target] = i + 1;
                    dependencies.Add(target);
                }
            }

            dependencyLists[i] = dependencies;
        }

        var hours = kept.Select(n => double.IsFinite(n.Hours) && n.Hours > 0 ? n.Hours : 0).ToArray();
        return new TaskGraph(kept.Select(n => n.Id).ToArray(), index, hours, dependencyLists, duplicates, dangling);
    }

    public bool Contains(string id) => _index.ContainsKey(id);

    /// <exception cref="NotFoundException">No task has this id.</exception>
    public IReadOnlyList<string> DependenciesOf(string id) => Neighbours(IndexOf(id), _dependencyStarts, _dependencies);

    /// <exception cref="NotFoundException">No task has this id.</exception>
    public IReadOnlyList<string> DependentsOf(string id) => Neighbours(IndexOf(id), _dependentStarts, _dependents);

    /// <summary>The task's own hours plus the longest chain of tasks that wait for it.</summary>
    /// <exception cref="NotFoundException">No task has this id.</exception>
    /// <exception cref="ValidationFailedException">The graph has a cycle.</exception>
    public double RemainingHours(string id)
    {
        var i = IndexOf(id);
        EnsureAcyclic();
        return _remaining[i];
    }

    /// <exception cref="NotFoundException">No task has this id.</exception>
    /// <exception cref="ValidationFailedException">The graph has a cycle.</exception>
    public int DepthOf(string id)
    {
        var i = IndexOf(id);
        EnsureAcyclic();
        return _depth[i];
    }

    /// <summary>The SYNC phase's view of the graph.</summary>
    /// <exception cref="ValidationFailedException">The graph has a cycle.</exception>
    public DependencyAnalysis ToDependencyAnalysis()
    {
        var critical = CriticalPath;
        return new DependencyAnalysis
        {
            Graph = _ids.ToDictionary(id => id, DependenciesOf, StringComparer.Ordinal),
            CriticalPath = critical.TaskIds,
            CriticalPathHours = critical.Hours,
            ParallelGroups = ParallelGroups,
        };
    }

    private int IndexOf(string id) =>
        _index.TryGetValue(id, out var i) ? i : throw new NotFoundException("task", id);

    private string[] Neighbours(int i, int[] starts, int[] targets)
    {
        var result = new string[starts[i + 1] - starts[i]];
        for (var e = starts[i]; e < starts[i + 1]; e++)
        {
            result[e - starts[i]] = _ids[targets[e]];
        }

        return result;
    }

    private void EnsureAcyclic()
    {
        if (HasCycle)
        {
            throw new ValidationFailedException("dependsOn", $"the task graph has a dependency cycle: {string.Join(" → ", Cycle)}");
        }
    }

    /// <summary>Kahn's algorithm; the order is shorter than the graph when there is a cycle.</summary>
    private (int[] Order, int[] Depth) SortTopologically()
    {
        var count = _ids.Length;
        var waiting = new int[count];
        var depth = new int[count];
        var order = new int[count];
        var head = 0;
        var tail = 0;
        for (var i = 0; i < count; i++)
        {
            waiting[i] = _dependencyStarts[i + 1] - _dependencyStarts[i];
            if (waiting[i] == 0)
            {
                order[tail++] = i;
            }
        }

        while (head < tail)
        {
            var task = order[head++];
            for (var e = _dependentStarts[task]; e < _dependentStarts[task + 1]; e++)
            {
                var dependent = _dependents[e];
                depth[dependent] = Math.Max(depth[dependent], depth[task] + 1);
                if (--waiting[dependent] == 0)
                {
                    order[tail++] = dependent;
                }
            }
        }

        return (tail == count ? order : order[..tail], depth);
    }

    /// <summary>An iterative depth-first search along dependencies (no recursion, so long chains cannot overflow the stack).</summary>
    private string[] FindCycle()
    {
        var state = new byte[_ids.Length]; // 0 unvisited, 1 on the current path, 2 finished
        var stack = new int[_ids.Length];
        var cursor = new int[_ids.Length];
        var positionOnStack = new int[_ids.Length];
        for (var root = 0; root < _ids.Length; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            var top = 0;
            stack[0] = root;
            cursor[root] = _dependencyStarts[root];
            state[root] = 1;
            while (top >= 0)
            {
                var task = stack[top];
                if (cursor[task] == _dependencyStarts[task + 1])
                {
                    state[task] = 2;
                    top--;
                    continue;
                }

                var next = _dependencies[cursor[task]++];
                if (state[next] == 1)
                {
                    var from = positionOnStack[next];
                    var cycle = new string[top - from + 2];
                    for (var k = from; k <= top; k++)
                    {
                        cycle[k - from] = _ids[stack[k]];
                    }

                    cycle[^1] = _ids[next];
                    return cycle;
                }

                if (state[next] == 0)
                {
                    state[next] = 1;
                    cursor[next] = _dependencyStarts[next];
                    stack[++top] = next;
                    positionOnStack[next] = top;
                }
            }
        }

        return [];
    }

    private double[] RemainingHours()
    {
        var remaining = new double[_ids.Length];
        for (var k = _order.Length - 1; k >= 0; k--)
        {
            var task = _order[k];
            var longest = 0.0;
            for (var e = _dependentStarts[task]; e < _dependentStarts[task + 1]; e++)
            {
                longest = Math.Max(longest, remaining[_dependents[e]]);
            }

            remaining[task] = _hours[task] + longest;
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

    /// <summary>Adjacency lists as one array of targets and an array of start offsets (CSR).</summary>
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
