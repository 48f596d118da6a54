using BenchmarkDotNet.Attributes;
using OmoiOs.Core.Planning;

namespace OmoiOs.Benchmarks.Micro;

/// <summary>
/// Building and analysing a task graph of up to 10,000 tasks (each depending on up to three earlier ones), as the
/// TASKS evaluator, SYNC and the scheduler do. Not sealed: BenchmarkDotNet derives from it.
/// </summary>
[MemoryDiagnoser]
public class TaskGraphBenchmarks
{
    private TaskNode[] _nodes = [];

    [Params(100, 10_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _nodes = Enumerable.Range(0, Tasks)
            .Select(i => new TaskNode(
                $"TSK-{i:D5}",
                Enumerable.Range(1, 3).Where(d => i - (d * d) >= 0).Select(d => $"TSK-{i - (d * d):D5}").ToArray(),
                1 + (i % 4)))
            .ToArray();

    [Benchmark]
    public double BuildAndAnalyse()
    {
        var graph = TaskGraph.Build(_nodes);
        return graph.CriticalPath.Hours + graph.ParallelGroups.Count;
    }
}
