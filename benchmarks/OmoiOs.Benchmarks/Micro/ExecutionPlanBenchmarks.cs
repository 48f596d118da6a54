using BenchmarkDotNet.Attributes;
using OmoiOs.Benchmarks.Scheduling;
using OmoiOs.Core.Workflow.Scheduling;

namespace OmoiOs.Benchmarks.Micro;

/// <summary>
/// ExecutionPlan on a 10,000-task random layered graph at parallelism 16: building it (validation, cycle check,
/// remaining paths) and a whole run of TakeReady/Complete, reported per task.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ExecutionPlanBenchmarks
{
    private const int TaskCount = 10_000;
    private const int Parallelism = 16;

    private RandomTaskGraph _graph = null!;
    private ExecutionPlan _plan = null!;

    [GlobalSetup]
    public void CreateGraph() => _graph = RandomTaskGraph.Generate(new Random(10_000), TaskCount, Parallelism);

    [IterationSetup(Target = nameof(TakeReadyAndCompleteEveryTask))]
    public void CreatePlan() => _plan = new ExecutionPlan(_graph.Tasks);

    [Benchmark]
    public ExecutionPlan Build() => new(_graph.Tasks);

    [Benchmark(OperationsPerInvoke = TaskCount)]
    public int TakeReadyAndCompleteEveryTask()
    {
        var now = RandomTaskGraph.CreatedAt;
        var running = new Queue<string>();
        while (!_plan.IsFinished)
        {
            foreach (var id in _plan.TakeReady(Parallelism - running.Count, now))
            {
                running.Enqueue(id);
            }

            _plan.Complete(running.Dequeue());
            now += TimeSpan.FromMinutes(1);
        }

        return _plan.Counts.Completed;
    }
}
