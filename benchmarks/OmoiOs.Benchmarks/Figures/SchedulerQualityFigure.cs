using System.Diagnostics;
using System.Globalization;
using OmoiOs.Benchmarks.Scheduling;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Scheduler quality (issue 4): on 200 seeded random task graphs (50–500 tasks, parallelism 4–16), the makespan of
/// each strategy in simulated time divided by the lower bound max(critical path, total work ÷ parallelism).
/// Target: ExecutionPlan's mean &lt;= 1.05.
/// </summary>
public static class SchedulerQualityFigure
{
    public const double Target = 1.05;

    private const int GraphCount = 200;
    private const int Seed = 20261124;

    public static Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(Seed);
        var strategies = new (string Name, Func<RandomTaskGraph, double[], double> Makespan, bool Misestimated, List<double> Ratios)[]
        {
            ("ExecutionPlan (estimates exact)", ScheduleSimulator.WithExecutionPlan, false, []),
            ("ExecutionPlan (actual 0.5-1.5x estimate)", ScheduleSimulator.WithExecutionPlan, true, []),
            ("Critical path first, score breaks ties", ScheduleSimulator.WithCriticalPathThenScore, false, []),
            ("Queue score alone, no critical path", ScheduleSimulator.WithQueueScoreOnly, false, []),
            ("Wave by wave", ScheduleSimulator.WaveByWave, false, []),
        };
        var clock = Stopwatch.StartNew();
        var tasks = 0;
        for (var g = 0; g < GraphCount; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var graph = RandomTaskGraph.Generate(random, random.Next(50, 501), random.Next(4, 17));
            var misestimated = Array.ConvertAll(graph.Hours, h => h * (0.5 + random.NextDouble()));
            tasks += graph.Count;
            foreach (var (_, makespan, isMisestimated, ratios) in strategies)
            {
                var durations = isMisestimated ? misestimated : graph.Hours;
                ratios.Add(makespan(graph, durations) / graph.LowerBound(durations));
            }
        }

        var ours = strategies[0].Ratios.Average();
        var waves = strategies[^1].Ratios.Average();
        output.WriteLine(Invariant($"scheduler: {GraphCount} random task graphs, {tasks} tasks, simulated in {clock.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine("makespan / lower bound (max of critical path, total work / parallelism)");
        output.WriteLine(Invariant($"  {"strategy",-42} {"mean",6} {"p95",6} {"max",6}"));
        foreach (var (name, _, _, ratios) in strategies)
        {
            ratios.Sort();
            output.WriteLine(Invariant(
                $"  {name,-42} {ratios.Average(),6:F3} {ratios[(int)(0.95 * (ratios.Count - 1))],6:F3} {ratios[^1],6:F3}"));
        }

        output.WriteLine(Invariant(
            $"ExecutionPlan mean {ours:F3} (target <= {Target:F2}: {(ours <= Target ? "met" : "MISSED")}); wave by wave takes {waves / ours:F2}x as long"));
        return Task.CompletedTask;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
