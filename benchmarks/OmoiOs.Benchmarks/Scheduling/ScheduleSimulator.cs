using OmoiOs.Core.Execution;
using OmoiOs.Core.Workflow.Scheduling;

namespace OmoiOs.Benchmarks.Scheduling;

/// <summary>
/// Discrete-event simulation of running a task graph on a fixed number of workers: no sleeping, the clock jumps from
/// one task completion to the next. Returns the makespan in hours.
/// </summary>
internal static class ScheduleSimulator
{
    /// <summary>Ready-list scheduling by <see cref="ExecutionPlan"/>, which sees the estimates, while tasks take <paramref name="durations"/>.</summary>
    public static double WithExecutionPlan(RandomTaskGraph graph, double[] durations)
    {
        var plan = new ExecutionPlan(graph.Tasks);
        return Simulate(
            graph,
            durations,
            (max, now) => plan.TakeReady(max, RandomTaskGraph.CreatedAt + TimeSpan.FromHours(now)).Select(IndexOf).ToList(),
            task => plan.Complete(RandomTaskGraph.IdOf(task)));
    }

    /// <summary>Ready-list scheduling by the <see cref="TaskQueuePolicy"/> score alone (no critical path), for comparison.</summary>
    public static double WithQueueScoreOnly(RandomTaskGraph graph, double[] durations) =>
        WithReadyOrder(graph, durations, (task, unblocks, at) => (Score(graph, task, unblocks, at), 0));

    /// <summary>Ready-list scheduling by the longest remaining path, the <see cref="TaskQueuePolicy"/> score only breaking ties.</summary>
    public static double WithCriticalPathThenScore(RandomTaskGraph graph, double[] durations)
    {
        var remaining = graph.RemainingPath(graph.Hours);
        return WithReadyOrder(graph, durations, (task, unblocks, at) => (remaining[task], Score(graph, task, unblocks, at)));
    }

    /// <summary>
    /// Wave by wave: every task of depth d (longest chain of dependencies before it) finishes before depth d + 1
    /// starts; within a wave, longest remaining path first onto the earliest free worker.
    /// </summary>
    public static double WaveByWave(RandomTaskGraph graph, double[] durations)
    {
        var depth = new int[graph.Count];
        for (var task = 0; task < graph.Count; task++)
        {
            depth[task] = graph.Dependencies[task].Select(d => depth[d] + 1).DefaultIfEmpty(0).Max();
        }

        var remaining = graph.RemainingPath(graph.Hours);
        var total = 0.0;
        foreach (var wave in Enumerable.Range(0, graph.Count).GroupBy(t => depth[t]).OrderBy(g => g.Key))
        {
            var workers = new PriorityQueue<int, double>();
            for (var worker = 0; worker < graph.Parallelism; worker++)
            {
                workers.Enqueue(worker, 0);
            }

            var waveEnd = 0.0;
            foreach (var task in wave.OrderByDescending(t => remaining[t]).ThenBy(t => t))
            {
                workers.TryDequeue(out var worker, out var freeAt);
                var end = freeAt + durations[task];
                waveEnd = Math.Max(waveEnd, end);
                workers.Enqueue(worker, end);
            }

            total += waveEnd;
        }

        return total;
    }

    /// <summary>A plain ready list sorted at every step, best (first, second) first; fine for graphs of a few hundred tasks.</summary>
    private static double WithReadyOrder(
        RandomTaskGraph graph, double[] durations, Func<int, int, DateTimeOffset, (double First, double Second)> rank)
    {
        var dependants = graph.Dependants();
        var waitingFor = Array.ConvertAll(graph.Dependencies, d => d.Length);
        var unfinishedDependants = Array.ConvertAll(dependants, d => d.Count);
        var ready = new List<int>(Enumerable.Range(0, graph.Count).Where(t => waitingFor[t] == 0));
        return Simulate(
            graph,
            durations,
            (max, now) =>
            {
                var at = RandomTaskGraph.CreatedAt + TimeSpan.FromHours(now);
                var taken = ready
                    .Select(t => (Task: t, Rank: rank(t, unfinishedDependants[t], at)))
                    .OrderByDescending(e => e.Rank.First)
                    .ThenByDescending(e => e.Rank.Second)
                    .ThenBy(e => e.Task)
                    .Select(e => e.Task)
                    .Take(max)
                    .ToList();
                ready.RemoveAll(taken.Contains);
                return taken;
            },
            task =>
            {
                foreach (var dependency in graph.Dependencies[task])
                {
                    unfinishedDependants[dependency]--;
                }

                ready.AddRange(dependants[task].Where(d => --waitingFor[d] == 0));
            });
    }

    private static double Score(RandomTaskGraph graph, int task, int unblocks, DateTimeOffset at)
    {
        var planTask = graph.Tasks[task];
        return TaskQueuePolicy.Default.Score(planTask.Priority, planTask.CreatedAt, planTask.Attempts, planTask.MaxRetries, unblocks, at);
    }

    private static double Simulate(
        RandomTaskGraph graph, double[] durations, Func<int, double, IReadOnlyList<int>> takeReady, Action<int> complete)
    {
        var running = new PriorityQueue<int, (double End, int Task)>();
        var now = 0.0;
        var finished = 0;
        while (finished < graph.Count)
        {
            foreach (var task in takeReady(graph.Parallelism - running.Count, now))
            {
                running.Enqueue(task, (now + durations[task], task));
            }

            if (!running.TryPeek(out _, out var next))
            {
                throw new InvalidOperationException("Nothing is running, yet tasks remain: the scheduler lost some.");
            }

            now = next.End;
            while (running.TryPeek(out var task, out var at) && at.End == now)
            {
                running.Dequeue();
                complete(task);
                finished++;
            }
        }

        return now;
    }

    private static int IndexOf(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
