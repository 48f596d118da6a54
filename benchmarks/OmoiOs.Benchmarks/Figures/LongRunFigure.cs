using System.Diagnostics;
using System.Globalization;
using System.Text;
using OmoiOs.Benchmarks.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Long-run memory (issue 12): one <c>omoi serve</c> runs many specs of many tasks (no-op agent, so the server's own
/// memory is what grows), and its resident set after a tenth of the tasks is compared with its resident set at the end.
/// Default: 480 specs of 50 statements, about 10,000 tasks (the heuristic planner reads at most 50 statements of a spec
/// and makes 21 tasks of them, so 100 specs cannot carry 10,000 tasks). Target: end ÷ first tenth &lt;= 1.2.
/// Unless OMOI_STORAGE names an account, the run has an in-memory Azurite of its own: the server is the subject, and a
/// persisting Azurite saving a database of a quarter of a million rows every few seconds would set the pace.
/// </summary>
public static class LongRunFigure
{
    public const double TargetGrowth = 1.2;
    private static readonly TimeSpan Deadline = TimeSpan.FromHours(3);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMinutes(1);

    /// <param name="arguments">Optional: the number of specs, the statements per spec, and how many specs run at a time.</param>
    public static async Task RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var shape = new Shape(
            arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 480,
            arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 50,
            arguments.Count > 2 ? int.Parse(arguments[2], CultureInfo.InvariantCulture) : 50);
        var account = Environment.GetEnvironmentVariable("OMOI_STORAGE");
        await using var azurite = account is null ? await InMemoryAzurite.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        await output.WriteLineAsync(Invariant.Format($"longrun: {shape.Specs} specs of {shape.Statements} statements, at most {shape.InFlight} at a time, on one omoi serve, no-op agent, {(azurite is null ? "the account OMOI_STORAGE names" : "an in-memory Azurite of its own")}; {LoadAverage.Describe()}")).ConfigureAwait(false);

        await using var run = await ServeRun.CreateAsync("noop", TimeSpan.FromSeconds(30), azurite?.Settings.ConnectionString).ConfigureAwait(false);

        // A server that runs for hours is what the retention is for: finished runs' engine history goes after the
        // shortest retention allowed, so the hub holds about the runs of the last quarter hour, not every run so far.
        run.Settings["OMOI_RUN_HISTORY_RETENTION"] = "00:10:00";
        await using var server = await run.StartServeAsync().ConfigureAwait(false);
        try
        {
            await MeasureAsync(run, server, shape, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutException)
        {
            throw new InvalidOperationException($"{failure.Message}; omoi serve {(server.HasExited ? "exited" : "is running")} and said:\n{server.Output}", failure);
        }
    }

    private static async Task MeasureAsync(ServeRun run, OmoiOs.Tests.Support.OmoiServeProcess server, Shape shape, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = ServeRun.ResidentBytes(server.Pid);
        var specIds = new List<string>();
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, ServeRun.TaskCounts>(StringComparer.Ordinal);
        long? atTenth = null;
        var tenthAt = 0;
        var total = 0;
        var reportedAt = TimeSpan.Zero;
        while (specIds.Count < shape.Specs || finished.Count < specIds.Count)
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"the run did not finish within {Deadline}");
            }

            while (specIds.Count < shape.Specs && specIds.Count - finished.Count < shape.InFlight)
            {
                specIds.Add(await run.CreateAndExecuteAsync(server.Client, $"Greeting variants {specIds.Count + 1}", Description(shape.Statements), cancellationToken).ConfigureAwait(false));
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            var open = specIds.Where(id => !finished.Contains(id)).ToList();
            var statuses = await ServeRun.SpecStatusesAsync(server.Client, open, cancellationToken).ConfigureAwait(false);
            foreach (var id in open)
            {
                tasks[id] = await ServeRun.ExecutionCountsAsync(server.Client, id, cancellationToken).ConfigureAwait(false);
            }

            finished.UnionWith(statuses.Where(s => ServeRun.IsFinal(s.Value)).Select(s => s.Key));
            total = tasks.Values.Sum(t => t.Total);
            var done = tasks.Values.Sum(t => t.Done);
            var planning = statuses.Values.Count(s => s is "draft" or "planning" or "planning_complete");
            var expected = specIds.Count > planning ? (double)total / (specIds.Count - planning) * shape.Specs : double.MaxValue;
            if (clock.Elapsed - reportedAt >= ProgressInterval)
            {
                reportedAt = clock.Elapsed;
                await output.WriteLineAsync(Invariant.Format($"  … {clock.Elapsed.TotalMinutes:F0} min: {done} tasks done (about {Math.Min(expected, 1e9):F0} in all), {finished.Count} of {shape.Specs} specs final, RSS {Mb(ServeRun.ResidentBytes(server.Pid))} MB, engine restarts {Count(server.Output, "restarting")}")).ConfigureAwait(false);
            }

            if (atTenth is null && done >= expected / 10)
            {
                atTenth = ServeRun.ResidentBytes(server.Pid);
                tenthAt = done;
                await output.WriteLineAsync(Invariant.Format($"  {done} tasks done after {clock.Elapsed.TotalSeconds:F0} s (about a tenth): RSS {Mb(atTenth.Value)} MB")).ConfigureAwait(false);
            }
        }

        var end = ServeRun.ResidentBytes(server.Pid);
        var growth = (double)end / atTenth!.Value;
        var final = await ServeRun.SpecStatusesAsync(server.Client, specIds, cancellationToken).ConfigureAwait(false);
        var violations = await run.ViolationsAsync(specIds, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  {total} tasks in {shape.Specs} specs finished in {clock.Elapsed.TotalSeconds:F0} s ({total / clock.Elapsed.TotalSeconds:F1} tasks/s): {string.Join(", ", final.Values.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  RSS: {Mb(started)} MB at start, {Mb(atTenth.Value)} MB after {tenthAt} tasks, {Mb(end)} MB after {total}, peak {Mb(PeakBytes(server.Pid))} MB")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  growth (end ÷ first tenth): {growth:F2} (target <= {TargetGrowth}){(growth <= TargetGrowth ? "" : " MISSED")}")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format($"  server: {Count(server.Output, "fetches no more: restarting it")} engine restart(s) for a stalled fetch, {Count(server.Output, "lost writes it had acknowledged")} for lost writes; the engine holds the history of {await run.EngineInstancesAsync(cancellationToken).ConfigureAwait(false)} of {shape.Specs} runs (the others purged)")).ConfigureAwait(false);
        await output.WriteLineAsync(violations.Count == 0 ? "  invariants: all hold" : $"  invariants: MISSED, {violations.Count} violation(s):\n    " + string.Join("\n    ", violations.Take(20))).ConfigureAwait(false);
    }

    /// <param name="InFlight">Specs submitted but not yet final; the next is submitted when one finishes, as a long-running server sees work arrive.</param>
    private sealed record Shape(int Specs, int Statements, int InFlight);

    /// <summary>A spec of <paramref name="statements"/> independent statements about the sample app's command line.</summary>
    private static string Description(int statements)
    {
        var text = new StringBuilder("# Greeting variants\n\nLet users of sample-app pick among many greeting variants.\n\n");
        for (var i = 1; i <= statements; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- When the `--variant-{i}` option is given, the command line prints greeting variant {i}.\n");
        }

        return text.ToString();
    }

    private static int Count(string log, string line) => log.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal));

    private static long PeakBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture);
}
