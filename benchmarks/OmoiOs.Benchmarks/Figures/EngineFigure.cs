using OmoiOs.Benchmarks.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Orchestration overhead (issue 4): a spec with 1,000 tasks (300 requirements, 900 criteria; planning outputs
/// seeded and SYNCed beforehand so that the figure isolates EXECUTE) run by the embedded engine with a no-op
/// agent against Table storage, beside <see cref="EngineBaseline"/>'s direct writes of the same records in the
/// same run. Targets: engine / baseline &lt;= 1.5 and &lt;= 2 ms per task (&gt;= 500 tasks/s).
/// </summary>
public static class EngineFigure
{
    public const double TargetRatio = 1.5;
    public const double TargetMsPerTask = 2;
    public const int Parallelism = 16;

    private const int Tasks = 1000;
    private const int Requirements = 300;

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var figure = FigureServices.Create(Parallelism);
        await output.WriteLineAsync(Invariant.Format(
            $"engine: {Tasks} tasks ({Requirements} requirements, {Requirements * SyntheticPlan.CriteriaPerRequirement} criteria), no-op agent, {Parallelism} tasks in flight, planning outputs seeded and SYNCed before timing")).ConfigureAwait(false);

        // Warm-up: JIT and connections, on a small spec.
        var small = SyntheticPlan.Create(10, 60);
        await EngineRun.ExecuteAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await EngineBaseline.RunAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), Parallelism, cancellationToken).ConfigureAwait(false);

        var plan = SyntheticPlan.Create(Requirements, Tasks);
        var engineSpec = await EngineRun.PrepareAsync(figure, plan, Parallelism, cancellationToken).ConfigureAwait(false);
        var baselineSpec = await EngineRun.PrepareAsync(figure, plan, Parallelism, cancellationToken).ConfigureAwait(false);
        var engine = await EngineRun.ExecuteAsync(figure, engineSpec, cancellationToken).ConfigureAwait(false);
        var (baseline, baselineRequests) = await EngineBaseline.RunAsync(figure, baselineSpec, Parallelism, cancellationToken).ConfigureAwait(false);

        var baselineMs = baseline.TotalMilliseconds / Tasks;
        await output.WriteLineAsync(Invariant.Format($"  {"engine, whole run (start, bridge, execute, complete)",-58} {engine.Total.TotalMilliseconds,8:F0} ms")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {"engine, EXECUTE (execution_started to last verdict)",-58} {engine.Execute.TotalMilliseconds,8:F0} ms  {engine.MsPerTask,6:F2} ms/task  {engine.TasksPerSecond,5:F0} tasks/s")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {"baseline, the same record writes direct",-58} {baseline.TotalMilliseconds,8:F0} ms  {baselineMs,6:F2} ms/task  {Tasks / baseline.TotalSeconds,5:F0} tasks/s")).ConfigureAwait(false);
        await output.WriteLineAsync($"  storage requests, engine whole run: {engine.Requests.PerItem(engine.Tasks)}").ConfigureAwait(false);
        await output.WriteLineAsync($"  storage requests, baseline:         {baselineRequests.PerItem(Tasks)}").ConfigureAwait(false);
        var ratio = engine.Execute / baseline;
        await output.WriteLineAsync(Invariant.Format(
            $"engine / baseline = {ratio:F2} (target <= {TargetRatio:F1}: {(ratio <= TargetRatio ? "met" : "MISSED")}); {engine.MsPerTask:F2} ms per task (target <= {TargetMsPerTask:F0}: {(engine.MsPerTask <= TargetMsPerTask ? "met" : "MISSED")})")).ConfigureAwait(false);
    }
}
