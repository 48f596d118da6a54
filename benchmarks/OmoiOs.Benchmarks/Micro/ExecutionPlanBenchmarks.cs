using BenchmarkDotNet.Attributes;
using OmoiOs.Benchmarks.Scheduling;
using OmoiOs.Core.Workflow.Scheduling;

namespace OmoiOs.Benchmarks.Micro;

/// <summary>
/// ExecutionPlan on a 10,000-task random layered graph at parallelism 16: building it (validation, cycle check,
/// remaining paths) and whole runs of TakeReady/Complete, reported per task. Each iteration runs several fresh plans
/// so that it lasts long enough for BenchmarkDotNet to time it well.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ExecutionPlanBenchmarks
{
    private const int TaskCount = 10_000;
    private const int Parallelism = 16;
    private const int PlansPerIteration = 12;

    private RandomTaskGraph _graph = null!;
    private ExecutionPlan[] _plans = [];

    [GlobalSetup]
    public void CreateGraph() => _graph = RandomTaskGraph.Generate(new Random(10_000), TaskCount, Parallelism);

    [IterationSetup(Target = nameof(TakeReadyAndCompleteEveryTask))]
    public void CreatePlans() => _plans = [.. Enumerable.Range(0, PlansPerIteration).Select(_ => new ExecutionPlan(_graph.Tasks))];

    [Benchmark]
    public ExecutionPlan Build() => new(_graph.Tasks);

    [Benchmark(OperationsPerInvoke = TaskCount * PlansPerIteration)]
    public int TakeReadyAndCompleteEveryTask()
    {
        var completed = 0;
        foreach (var plan in _plans)
        {
            var now = RandomTaskGraph.CreatedAt;
            var running = new Queue<string>();
            while (!plan.IsFinished)
            {
                foreach (var id in plan.TakeReady(Parallelism - running.Count, now))
                {
                    running.Enqueue(id);
                }

                plan.Complete(running.Dequeue());
                now += TimeSpan.FromMinutes(1);
            }

            completed += plan.Counts.Completed;
        }

        return completed;
    }
}
