using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>
/// The EXECUTE phase's ready list: which tasks may run now, in <see cref="TaskQueuePolicy.Rank"/> order, and what
/// completing, failing or retrying a task changes. A task becomes ready the moment its last dependency completes
/// (no waves); a failed task blocks every task that transitively waits for it while independent tasks go on.
/// Deterministic and free of clocks: the caller passes the time. Building is O(V+E); taking, completing and
/// retrying a task cost O(log V) plus its edges, so a whole run is O((V+E) log V).
/// </summary>
public sealed class ExecutionPlan
{
    private const string Entity = "task";

    private readonly DependencyGraph _graph;
    private readonly ReadyQueue _ready;
    private readonly PlanTaskState[] _states;
    private readonly int[] _waitingFor;
    private readonly int[] _attempts;
    private readonly int[] _unblocks;
    private readonly int[] _counts = new int[Enum.GetValues<PlanTaskState>().Length];

    /// <summary>Plans <paramref name="tasks"/>; the id lists resume a run whose records already show these outcomes.</summary>
    /// <param name="blocked">Tasks already blocked; dependants of failed and blocked tasks are blocked in any case.</param>
    /// <exception cref="ValidationFailedException">
    /// Duplicate or missing ids, dependencies on unknown tasks, a dependency cycle (named as a path), negative estimates
    /// or retries, or resume ids that are unknown or listed twice.
    /// </exception>
    public ExecutionPlan(
        IEnumerable<PlanTask> tasks,
        IEnumerable<string>? completed = null,
        IEnumerable<string>? failed = null,
        IEnumerable<string>? blocked = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        _graph = DependencyGraph.Build(tasks.ToList());
        _states = new PlanTaskState[_graph.Count];
        _counts[(int)PlanTaskState.Waiting] = _graph.Count;
        _attempts = _graph.Tasks.Select(t => t.Attempts).ToArray();
        _waitingFor = new int[_graph.Count];
        _unblocks = new int[_graph.Count];
        for (var task = 0; task < _graph.Count; task++)
        {
            _waitingFor[task] = _graph.DependenciesOf(task).Length;
            _unblocks[task] = _graph.DependantsOf(task).Length;
        }

        _ready = new ReadyQueue(_graph, _unblocks);
        ApplyOutcomes(completed, failed, blocked);
        for (var task = 0; task < _graph.Count; task++)
        {
            if (_states[task] == PlanTaskState.Waiting && _waitingFor[task] == 0)
            {
                Move(task, PlanTaskState.Ready);
                _ready.Enqueue(task, _attempts[task]);
            }
        }
    }

    public int Count => _graph.Count;

    public PlanCounts Counts => new(
        Pending: Counted(PlanTaskState.Waiting) + Counted(PlanTaskState.Ready),
        Running: Counted(PlanTaskState.Running),
        Completed: Counted(PlanTaskState.Completed),
        Failed: Counted(PlanTaskState.Failed),
        Blocked: Counted(PlanTaskState.Blocked));

    /// <summary>Nothing is running and nothing can run any more.</summary>
    public bool IsFinished => Counts is { Pending: 0, Running: 0 };

    /// <summary>The longest chain of estimates through the plan (completed tasks included).</summary>
    public double CriticalPathHours => _graph.CriticalPathHours;

    /// <exception cref="NotFoundException">No task has this id.</exception>
    public PlanTaskState StateOf(string id) => _states[IndexOf(id)];

    /// <summary>The task's own estimate plus the longest chain of estimates of the tasks waiting for it.</summary>
    /// <exception cref="NotFoundException">No task has this id.</exception>
    public double RemainingPathHours(string id) => _graph.RemainingHours[IndexOf(id)];

    /// <summary>Up to <paramref name="max"/> ready tasks, best first, now marked running.</summary>
    public IReadOnlyList<string> TakeReady(int max, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var taken = new List<string>(Math.Min(max, _ready.Count));
        while (taken.Count < max && _ready.TryDequeue(now, out var task))
        {
            Move(task, PlanTaskState.Running);
            taken.Add(_graph.Tasks[task].Id);
        }

        return taken;
    }

    /// <summary>Marks a running task completed.</summary>
    /// <returns>The tasks that became ready, in input order.</returns>
    /// <exception cref="NotFoundException">No task has this id.</exception>
    /// <exception cref="InvalidTransitionException">The task is not running.</exception>
    public IReadOnlyList<string> Complete(string id)
    {
        var task = IndexOfRunning(id, PlanTaskState.Completed);
        Move(task, PlanTaskState.Completed);
        var nowReady = new List<string>();
        foreach (var dependant in _graph.DependantsOf(task))
        {
            if (_waitingFor[dependant] == 0 && _states[dependant] == PlanTaskState.Waiting)
            {
                Move(dependant, PlanTaskState.Ready);
                _ready.Enqueue(dependant, _attempts[dependant]);
                nowReady.Add(_graph.Tasks[dependant].Id);
            }
        }

        return nowReady;
    }

    /// <summary>Marks a running task failed for good.</summary>
    /// <returns>Every task that transitively waited for it and is now blocked, in input order.</returns>
    /// <exception cref="NotFoundException">No task has this id.</exception>
    /// <exception cref="InvalidTransitionException">The task is not running.</exception>
    public IReadOnlyList<string> Fail(string id)
    {
        var task = IndexOfRunning(id, PlanTaskState.Failed);
        Move(task, PlanTaskState.Failed);
        var blocked = BlockDependantsOf(task);
        blocked.Sort();
        return blocked.ConvertAll(i => _graph.Tasks[i].Id);
    }

    /// <summary>Puts a running task back among the ready tasks for another attempt (its retries-left term drops).</summary>
    /// <exception cref="NotFoundException">No task has this id.</exception>
    /// <exception cref="InvalidTransitionException">The task is not running.</exception>
    public void Requeue(string id)
    {
        var task = IndexOfRunning(id, PlanTaskState.Ready);
        Move(task, PlanTaskState.Ready);
        _ready.Enqueue(task, ++_attempts[task]);
    }

    private void ApplyOutcomes(IEnumerable<string>? completed, IEnumerable<string>? failed, IEnumerable<string>? blocked)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, ids, state) in new[]
                 {
                     ("completed", completed, PlanTaskState.Completed),
                     ("failed", failed, PlanTaskState.Failed),
                     ("blocked", blocked, PlanTaskState.Blocked),
                 })
        {
            var problems = new List<string>();
            foreach (var id in ids ?? [])
            {
                if (id is null || !_graph.Index.TryGetValue(id, out var task))
                {
                    problems.Add($"'{id}' is not a task of this plan.");
                }
                else if (_states[task] != PlanTaskState.Waiting)
                {
                    problems.Add($"'{id}' is already listed as {_states[task].ToWire()}.");
                }
                else
                {
                    Move(task, state);
                }
            }

            if (problems.Count > 0)
            {
                errors[field] = [.. problems];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        for (var task = 0; task < _graph.Count; task++)
        {
            if (_states[task] is PlanTaskState.Failed or PlanTaskState.Blocked)
            {
                BlockDependantsOf(task);
            }
        }
    }

    /// <summary>
    /// Blocks every waiting task that transitively waits for <paramref name="task"/>; each edge is walked once. No ready
    /// task can be reached: all its dependencies completed, and the walk does not pass through completed tasks.
    /// </summary>
    private List<int> BlockDependantsOf(int task)
    {
        var newlyBlocked = new List<int>();
        var stack = new Stack<int>();
        stack.Push(task);
        while (stack.TryPop(out var current))
        {
            foreach (var dependant in _graph.DependantsOf(current))
            {
                if (_states[dependant] == PlanTaskState.Waiting)
                {
                    Move(dependant, PlanTaskState.Blocked);
                    newlyBlocked.Add(dependant);
                    stack.Push(dependant);
                }
            }
        }

        return newlyBlocked;
    }

    /// <summary>
    /// Changes the task's state. Once it is over, its dependencies unblock one task fewer (a ready one is re-ranked),
    /// and once it completed, its dependants wait for one task fewer.
    /// </summary>
    private void Move(int task, PlanTaskState to)
    {
        var from = _states[task];
        _counts[(int)from]--;
        _counts[(int)to]++;
        _states[task] = to;
        if (IsOver(to) && !IsOver(from))
        {
            foreach (var dependency in _graph.DependenciesOf(task))
            {
                _unblocks[dependency]--;
                _ready.Reprioritize(dependency);
            }

            if (to == PlanTaskState.Completed)
            {
                foreach (var dependant in _graph.DependantsOf(task))
                {
                    _waitingFor[dependant]--;
                }
            }
        }
    }

    private int Counted(PlanTaskState state) => _counts[(int)state];

    private int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _graph.Index.TryGetValue(id, out var task) ? task : throw new NotFoundException(Entity, id);
    }

    private int IndexOfRunning(string id, PlanTaskState to)
    {
        var task = IndexOf(id);
        return _states[task] == PlanTaskState.Running
            ? task
            : throw new InvalidTransitionException(Entity, id, _states[task].ToWire(), to.ToWire());
    }

    private static bool IsOver(PlanTaskState state) =>
        state is PlanTaskState.Completed or PlanTaskState.Failed or PlanTaskState.Blocked;
}
