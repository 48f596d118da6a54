using OmoiOs.Core.Execution;

namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>
/// The plan's ready tasks, best <see cref="TaskQueuePolicy.Rank"/> first, in O(log V) per operation although the
/// rank moves with time. Only the age term moves: it is 0 before a task's creation, grows linearly for one hour,
/// then stays at its cap. So the ready tasks sit in three heaps by age phase. Within each heap the order does not
/// change with time (in the growing phase every rank rises at the same rate), so each heap is keyed once; the best
/// task is the best of the three heads, ranked at the current time. A timeline of phase changes moves tasks on.
/// Moved or taken tasks leave stale heap entries behind, recognised by an outdated generation and skipped.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly DependencyGraph _graph;
    private readonly int[] _unblocks;
    private readonly int[] _idOrder;
    private readonly DateTimeOffset _epoch;
    private readonly PriorityQueue<Entry, Key>[] _phases;
    private readonly PriorityQueue<Entry, DateTimeOffset> _phaseChanges = new();
    private readonly int[] _generation;
    private readonly bool[] _queued;
    private readonly int[] _attempts;
    private DateTimeOffset _now = DateTimeOffset.MinValue;

    /// <param name="unblocks">Per task, how many unfinished tasks wait for it; the owner keeps it current and calls <see cref="Reprioritize"/>.</param>
    public ReadyQueue(DependencyGraph graph, int[] unblocks)
    {
        _graph = graph;
        _unblocks = unblocks;
        _idOrder = RankIds(graph);
        _epoch = graph.Count == 0 ? default : graph.Tasks.Min(t => t.CreatedAt);
        var comparer = new KeyComparer();
        _phases = [new(comparer), new(comparer), new(comparer)];
        _generation = new int[graph.Count];
        _queued = new bool[graph.Count];
        _attempts = new int[graph.Count];
    }

    private enum AgePhase
    {
        NotStarted,
        Growing,
        Capped,
    }

    public int Count { get; private set; }

    public void Enqueue(int task, int attempts)
    {
        _attempts[task] = attempts;
        _queued[task] = true;
        Count++;
        Place(task);
    }

    /// <summary>Re-keys a queued task whose count of tasks it unblocks changed; does nothing to a task not queued.</summary>
    public void Reprioritize(int task)
    {
        if (_queued[task])
        {
            Place(task);
        }
    }

    /// <summary>Takes the best ready task at <paramref name="now"/> (an earlier time than one seen before counts as that one).</summary>
    public bool TryDequeue(DateTimeOffset now, out int task)
    {
        if (now > _now)
        {
            _now = now;
            AdvancePhases();
        }

        task = -1;
        var best = default(Key);
        foreach (var heap in _phases)
        {
            if (TryPeekValid(heap, out var candidate))
            {
                var key = KeyAt(candidate, _now);
                if (task < 0 || KeyComparer.Compare(key, best) < 0)
                {
                    (task, best) = (candidate, key);
                }
            }
        }

        if (task < 0)
        {
            return false;
        }

        _queued[task] = false;
        _generation[task]++;
        Count--;
        return true;
    }

    /// <summary>Puts the task into the heap of its age phase at the current time, keyed for that phase.</summary>
    private void Place(int task)
    {
        var entry = new Entry(task, ++_generation[task]);
        var createdAt = _graph.Tasks[task].CreatedAt;
        if (_now < createdAt)
        {
            _phases[(int)AgePhase.NotStarted].Enqueue(entry, KeyAt(task, createdAt));
            _phaseChanges.Enqueue(entry, createdAt);
        }
        else if (_now - createdAt < TaskQueuePolicy.AgeCeiling)
        {
            // Keyed by its rank as if its age were counted from _epoch: the same shift for every growing task.
            var key = KeyAt(task, createdAt);
            var shift = TaskQueuePolicy.AgeWeight * ((createdAt - _epoch) / TaskQueuePolicy.AgeCeiling);
            _phases[(int)AgePhase.Growing].Enqueue(entry, key with { Rank = key.Rank - shift });
            _phaseChanges.Enqueue(entry, createdAt + TaskQueuePolicy.AgeCeiling);
        }
        else
        {
            _phases[(int)AgePhase.Capped].Enqueue(entry, KeyAt(task, createdAt + TaskQueuePolicy.AgeCeiling));
        }
    }

    private void AdvancePhases()
    {
        while (_phaseChanges.TryPeek(out var entry, out var at) && at <= _now)
        {
            _phaseChanges.Dequeue();
            if (IsValid(entry))
            {
                Place(entry.Task);
            }
        }
    }

    private bool TryPeekValid(PriorityQueue<Entry, Key> heap, out int task)
    {
        while (heap.TryPeek(out var entry, out _))
        {
            if (IsValid(entry))
            {
                task = entry.Task;
                return true;
            }

            heap.Dequeue();
        }

        task = -1;
        return false;
    }

    private bool IsValid(Entry entry) => _queued[entry.Task] && _generation[entry.Task] == entry.Generation;

    private Key KeyAt(int task, DateTimeOffset now)
    {
        var planTask = _graph.Tasks[task];
        var score = TaskQueuePolicy.Default.Score(
            planTask.Priority, planTask.CreatedAt, _attempts[task], planTask.MaxRetries, _unblocks[task], now);
        var rank = TaskQueuePolicy.Rank(_graph.RemainingHours[task], _graph.CriticalPathHours, score);
        return new Key(rank, planTask.CreatedAt, _idOrder[task]);
    }

    /// <summary>Each task's position among the ids in ordinal order, so ties compare two ints instead of two strings.</summary>
    private static int[] RankIds(DependencyGraph graph)
    {
        var byId = Enumerable.Range(0, graph.Count).ToArray();
        Array.Sort(byId, (a, b) => string.CompareOrdinal(graph.Tasks[a].Id, graph.Tasks[b].Id));
        var order = new int[graph.Count];
        for (var position = 0; position < byId.Length; position++)
        {
            order[byId[position]] = position;
        }

        return order;
    }

    private readonly record struct Entry(int Task, int Generation);

    private readonly record struct Key(double Rank, DateTimeOffset CreatedAt, int IdOrder);

    /// <summary>Higher rank first, then the older task, then the smaller id: first sorts lowest.</summary>
    private sealed class KeyComparer : IComparer<Key>
    {
        public static int Compare(Key x, Key y)
        {
            var byRank = y.Rank.CompareTo(x.Rank);
            if (byRank != 0)
            {
                return byRank;
            }

            var byAge = x.CreatedAt.CompareTo(y.CreatedAt);
            return byAge != 0 ? byAge : x.IdOrder.CompareTo(y.IdOrder);
        }

        int IComparer<Key>.Compare(Key x, Key y) => Compare(x, y);
    }
}
