using OmoiOs.Benchmarks.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Orchestration overhead (issues 4 and 9): a spec's EXECUTE on the real engine (the Durable Task Framework's Azure Storage
/// provider on Azurite, as <c>omoi</c> runs it) with a no-op agent, planning outputs seeded and SYNCed beforehand, beside
/// <see cref="EngineBaseline"/>'s direct writes of the same records, alternating over three rounds of 1,000 tasks after a
/// warm-up; then one spec each of 100, 1,000 and 10,000 tasks for how cost grows. Targets (issue 9): at least 50 tasks/s
/// including the records, the first agent starting within 1 s of the start request, and per-task time at 10,000 tasks at
/// most twice that at 100.
/// </summary>
public static class EngineFigure
{
    public const double TargetTasksPerSecond = 50;
    public const double TargetFirstStartSeconds = 1;
    public const double TargetGrowth = 2;
    public const int Parallelism = 32;

    /// <summary>The hand-written engine this one replaced, measured for issue 9 on this machine (Azurite 3.37), including the records.</summary>
    private const string ReplacedEngine = "4.1-8.3 ms per task (120-240 tasks/s)";

    private const int Tasks = 1000;
    private const int Requirements = 300;
    private const int Rounds = 3;
    private static readonly int[] Scales = [100, 1000, 10_000];

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var figure = FigureServices.Create(Parallelism);
        await output.WriteLineAsync(Invariant.Format(
            $"engine: Durable Task Framework + Azure Storage provider on Azurite; {Tasks} tasks ({Requirements} requirements), no-op agent, {Parallelism} tasks in flight; {Rounds} rounds after a warm-up, medians; {LoadAverage.Describe()}")).ConfigureAwait(false);

        var small = SyntheticPlan.Create(10, 10);
        await EngineRun.ExecuteAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await EngineBaseline.RunAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), Parallelism, cancellationToken).ConfigureAwait(false);
        var idle = await EngineRun.ExecuteAsync(figure, await EngineRun.PrepareAsync(figure, small, Parallelism, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

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
        var tasksPerSecond = Tasks / execute * 1000;
        await output.WriteLineAsync(Invariant.Format($"  {"engine, whole run (start, bridge, execute, complete)",-56} {whole,8:F0} ms")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {"engine, EXECUTE (execution_started to last verdict)",-56} {execute,8:F0} ms  {execute / Tasks,6:F2} ms/task  {tasksPerSecond,5:F0} tasks/s")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {"baseline, the same record writes direct",-56} {direct,8:F0} ms  {direct / Tasks,6:F2} ms/task  {Tasks / direct * 1000,5:F0} tasks/s")).ConfigureAwait(false);
        await output.WriteLineAsync($"  {"the replaced hand-written engine (issue 9's measurement)",-56} {ReplacedEngine}").ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  per round, engine EXECUTE / baseline: {string.Join(", ", rounds.Select(r => (r.Engine.Execute / r.Baseline.Elapsed).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}")).ConfigureAwait(false);
        var last = rounds[^1];
        await output.WriteLineAsync($"  storage requests, engine whole run (records + task hub): {last.Engine.Requests.PerItem(Tasks)}").ConfigureAwait(false);
        await output.WriteLineAsync($"  storage requests, baseline:                              {last.Baseline.Requests.PerItem(Tasks)}").ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format(
            $"  this process's CPU per task: engine whole run {last.Engine.Cpu.TotalMilliseconds / Tasks:F2} ms, baseline {last.Baseline.Cpu.TotalMilliseconds / Tasks:F2} ms (the rest of the wall time is Azurite, a single Node thread, on the same two cores)")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format(
            $"  start request to first agent start, warm idle worker, 10-task spec: {idle.FirstAgentStart.TotalMilliseconds:F0} ms (target <= {TargetFirstStartSeconds * 1000:F0}: {(idle.FirstAgentStart.TotalSeconds <= TargetFirstStartSeconds ? "met" : "MISSED")})")).ConfigureAwait(false);

        var growth = new List<(int Tasks, double MsPerTask)>();
        foreach (var scale in Scales)
        {
            var spec = await EngineRun.PrepareAsync(figure, SyntheticPlan.Create(Math.Min(Requirements, scale), scale), Parallelism, cancellationToken).ConfigureAwait(false);
            var run = await EngineRun.ExecuteAsync(figure, spec, cancellationToken).ConfigureAwait(false);
            growth.Add((scale, run.MsPerTask));
            await output.WriteLineAsync(Invariant.Format($"  one spec of {scale,6} tasks: EXECUTE {run.Execute.TotalSeconds,7:F1} s, {run.MsPerTask,6:F2} ms/task, {run.TasksPerSecond,5:F0} tasks/s")).ConfigureAwait(false);
        }

        var grown = growth[^1].MsPerTask / growth[0].MsPerTask;
        await output.WriteLineAsync(Invariant.Format(
            $"engine: {tasksPerSecond:F0} tasks/s (target >= {TargetTasksPerSecond:F0}: {(tasksPerSecond >= TargetTasksPerSecond ? "met" : "MISSED")}); EXECUTE / direct writes = {ratio:F2}; per-task time at {Scales[^1]:N0} / at {Scales[0]} = {grown:F2} (target <= {TargetGrowth:F0}: {(grown <= TargetGrowth ? "met" : "MISSED")})")).ConfigureAwait(false);
    }
}
