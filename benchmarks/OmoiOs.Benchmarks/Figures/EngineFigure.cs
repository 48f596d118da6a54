using OmoiOs.Benchmarks.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Orchestration overhead (issue 4): a spec with 1,000 tasks (300 requirements, 900 criteria; planning outputs
/// seeded and SYNCed beforehand so that the figure isolates EXECUTE) run by the embedded engine with a no-op
/// agent against Table storage, beside <see cref="EngineBaseline"/>'s direct writes of the same records, in
/// alternating order over three rounds after a warm-up. Targets: engine / baseline &lt;= 1.5 and &lt;= 2 ms per
/// task (&gt;= 500 tasks/s).
/// </summary>
public static class EngineFigure
{
    public const double TargetRatio = 1.5;
    public const double TargetMsPerTask = 2;
    public const int Parallelism = 16;

    private const int Tasks = 1000;
    private const int Requirements = 300;
    private const int Rounds = 3;

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var figure = FigureServices.Create(Parallelism);
        await output.WriteLineAsync(Invariant.Format(
            $"engine: {Tasks} tasks ({Requirements} requirements, {Requirements * SyntheticPlan.CriteriaPerRequirement} criteria), no-op agent, {Parallelism} tasks in flight; planning outputs seeded and SYNCed before timing; {Rounds} rounds after a warm-up, medians; {LoadAverage.Describe()}")).ConfigureAwait(false);

        var small = SyntheticPlan.Create(10, 60);
        await EngineRun.ExecuteAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await EngineBaseline.RunAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), Parallelism, cancellationToken).ConfigureAwait(false);

        var plan = SyntheticPlan.Create(Requirements, Tasks);
        var rounds = new List<(EngineRun.Result Engine, EngineBaseline.Result Baseline)>();
        for (var round = 0; round < Rounds; round++)
        {
            var engineSpec = await EngineRun.PrepareAsync(figure, plan, Parallelism, cancellationToken).ConfigureAwait(false);
            var baselineSpec = await EngineRun.PrepareAsync(figure, plan, Parallelism, cancellationToken).ConfigureAwait(false);
            if (round % 2 == 0)
            {
                var engine = await EngineRun.ExecuteAsync(figure, engineSpec, cancellationToken).ConfigureAwait(false);
                rounds.Add((engine, await EngineBaseline.RunAsync(figure, baselineSpec, Parallelism, cancellationToken).ConfigureAwait(false)));
            }
            else
            {
                var baseline = await EngineBaseline.RunAsync(figure, baselineSpec, Parallelism, cancellationToken).ConfigureAwait(false);
                rounds.Add((await EngineRun.ExecuteAsync(figure, engineSpec, cancellationToken).ConfigureAwait(false), baseline));
            }
        }

        var whole = Invariant.Median(rounds.Select(r => r.Engine.Total.TotalMilliseconds));
        var execute = Invariant.Median(rounds.Select(r => r.Engine.Execute.TotalMilliseconds));
        var direct = Invariant.Median(rounds.Select(r => r.Baseline.Elapsed.TotalMilliseconds));
        var ratio = Invariant.Median(rounds.Select(r => r.Engine.Execute / r.Baseline.Elapsed));
        var msPerTask = execute / Tasks;
        await output.WriteLineAsync(Invariant.Format($"  {"engine, whole run (start, bridge, execute, complete)",-56} {whole,8:F0} ms")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {"engine, EXECUTE (execution_started to last verdict)",-56} {execute,8:F0} ms  {msPerTask,6:F2} ms/task  {Tasks / execute * 1000,5:F0} tasks/s")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {"baseline, the same record writes direct",-56} {direct,8:F0} ms  {direct / Tasks,6:F2} ms/task  {Tasks / direct * 1000,5:F0} tasks/s")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  per round, engine EXECUTE / baseline: {string.Join(", ", rounds.Select(r => (r.Engine.Execute / r.Baseline.Elapsed).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}")).ConfigureAwait(false);
        var last = rounds[^1];
        await output.WriteLineAsync($"  storage requests, engine whole run: {last.Engine.Requests.PerItem(Tasks)}").ConfigureAwait(false);
        await output.WriteLineAsync($"  storage requests, baseline:         {last.Baseline.Requests.PerItem(Tasks)}").ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format(
            $"  this process's CPU per task: engine whole run {last.Engine.Cpu.TotalMilliseconds / Tasks:F2} ms, baseline {last.Baseline.Cpu.TotalMilliseconds / Tasks:F2} ms")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format(
            $"engine / baseline = {ratio:F2} (target <= {TargetRatio:F1}: {(ratio <= TargetRatio ? "met" : "MISSED")}); {msPerTask:F2} ms per task (target <= {TargetMsPerTask:F0}: {(msPerTask <= TargetMsPerTask ? "met" : "MISSED")})")).ConfigureAwait(false);
    }
}
