using System.Diagnostics;
using OmoiOs.Benchmarks.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// The worker killed again and again (issue 12): 29 copies of the example spec (7 tasks each, 203 tasks) run with the
/// example agent on one <c>omoi serve</c>, which is SIGKILLed at 20 random points of the run (a random count of completed
/// tasks, each after the restarted worker made progress) and started again each time. Prints the time to finish, what
/// each kill interrupted (tasks running then, which run again), and whether the run invariants hold.
/// </summary>
public static class KillsFigure
{
    private const int Specs = 29;
    private const int TasksPerSpec = 7;
    private const int Kills = 20;
    private const int Seed = 12;
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(45);

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        const int tasks = Specs * TasksPerSpec;
        await output.WriteLineAsync(Invariant.Format($"kills: {Specs} example specs ({tasks} tasks), example agent, {Kills} SIGKILLs of omoi serve at random points (seed {Seed}), takeover {Takeover.TotalSeconds} s; {LoadAverage.Describe()}")).ConfigureAwait(false);
        var random = new Random(Seed);
        var killPoints = Enumerable.Range(0, Kills).Select(_ => random.Next(1, tasks)).Order().ToList();
        var description = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "specs", "greeting-feature.md"), cancellationToken).ConfigureAwait(false);

        await using var run = await ServeRun.CreateAsync("example", Takeover).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var server = await run.StartServeAsync().ConfigureAwait(false);
        var specIds = new List<string>();
        var interrupted = new List<int>();
        var stalls = new List<TimeSpan>();
        try
        {
            for (var n = 1; n <= Specs; n++)
            {
                specIds.Add(await run.CreateAndExecuteAsync(server.Client, $"Configurable greeting {n}", description, cancellationToken).ConfigureAwait(false));
            }

            var completedAtStart = 0;
            var restartedAt = clock.Elapsed;
            TimeSpan? firstProgress = null;
            while (true)
            {
                Ensure(clock.Elapsed < Deadline, $"the run did not finish within {Deadline}");
                var counts = await ServeRun.TaskCountsAsync(server.Client, cancellationToken).ConfigureAwait(false);
                var completed = counts.GetValueOrDefault("completed");
                if (firstProgress is null && completed > completedAtStart)
                {
                    firstProgress = clock.Elapsed;
                    if (interrupted.Count > 0)
                    {
                        stalls.Add(firstProgress.Value - restartedAt);
                    }
                }

                if (killPoints.Count > 0 && completed >= killPoints[0] && firstProgress is not null)
                {
                    killPoints.RemoveAt(0);
                    interrupted.Add(counts.GetValueOrDefault("running"));
                    await output.WriteLineAsync(Invariant.Format($"  kill {interrupted.Count} at {clock.Elapsed.TotalSeconds:F0} s: {completed} tasks completed, {interrupted[^1]} running")).ConfigureAwait(false);
                    await server.KillAsync().ConfigureAwait(false);
                    await server.DisposeAsync().ConfigureAwait(false);
                    server = await run.StartServeAsync().ConfigureAwait(false);
                    restartedAt = clock.Elapsed;
                    completedAtStart = completed;
                    firstProgress = null;
                    continue;
                }

                if (killPoints.Count == 0 && completed + counts.GetValueOrDefault("failed") + counts.GetValueOrDefault("blocked") >= tasks)
                {
                    var statuses = await ServeRun.SpecStatusesAsync(server.Client, specIds, cancellationToken).ConfigureAwait(false);
                    if (statuses.Values.All(ServeRun.IsFinal))
                    {
                        break;
                    }
                }

                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }

            var elapsed = clock.Elapsed;
            var final = await ServeRun.SpecStatusesAsync(server.Client, specIds, cancellationToken).ConfigureAwait(false);
            var violations = await run.ViolationsAsync(specIds, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant.Format($"  finished in {elapsed.TotalSeconds:F0} s after {interrupted.Count} kills: {string.Join(", ", final.Values.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant.Format($"  task records running at each kill (each runs again; one not yet redone counts again at the next kill): {string.Join(" ", interrupted)}, {interrupted.Sum()} summed")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant.Format($"  from a restart to the next completed task: median {Invariant.Median(stalls.Select(s => s.TotalSeconds)):F1} s, max {(stalls.Count == 0 ? 0 : stalls.Max(s => s.TotalSeconds)):F1} s")).ConfigureAwait(false);
            var leftMounted = run.MountedWorkspaces();
            await output.WriteLineAsync(Invariant.Format($"  workspace volumes still mounted after the run (left by killed workers): {leftMounted.Count}{(leftMounted.Count == 0 ? "" : " MISSED: " + string.Join(", ", leftMounted))}")).ConfigureAwait(false);
            await output.WriteLineAsync(violations.Count == 0
                ? "  invariants: all hold (final status, merges once, no duplicates, gap-free events, verdicts once, cost = attempts' costs)"
                : $"  invariants: MISSED, {violations.Count} violation(s):\n    " + string.Join("\n    ", violations)).ConfigureAwait(false);
        }
        finally
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Ensure(bool condition, string failure)
    {
        if (!condition)
        {
            throw new TimeoutException(failure);
        }
    }
}
