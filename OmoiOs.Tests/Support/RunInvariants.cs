using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Tests.Support;

/// <summary>
/// What must hold after any fault, read from the store (and each spec's repository) once the runs are over: every spec
/// reached a final status; per task at most one merge commit on the spec branch; no duplicate records; events numbered
/// 1..n without gaps and each task's verdict (completed or failed) recorded once; the spec's cost equal to the sum of its
/// attempts' costs (phase and task attempts, as their outcome events report them). The fault tests and the fault
/// figures (benchmarks, which link this file) check it here and nowhere else.
/// </summary>
public sealed class RunInvariants : IDisposable
{
    private static readonly string[] FinalStatuses = ["completed", "failed", "cancelled"];
    private static readonly string[] CostedEvents =
    [
        SpecEventTypes.PhaseCompleted, SpecEventTypes.PhaseRetry, SpecEventTypes.PhaseFailed,
        SpecEventTypes.TaskCompleted, SpecEventTypes.TaskRetry, SpecEventTypes.TaskFailed,
    ];

    private readonly ServiceProvider _storage;

    /// <param name="storage">The store's connection string (<c>OMOI_STORAGE</c>).</param>
    /// <param name="tablePrefix">The store's table prefix (<c>OMOI_TABLE_PREFIX</c>).</param>
    public RunInvariants(string storage, string tablePrefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OMOI_STORAGE"] = storage,
            ["OMOI_TABLE_PREFIX"] = tablePrefix,
        }).Build();
        _storage = new ServiceCollection().AddTableStorage(configuration).BuildServiceProvider();
    }

    /// <returns>Every violation found, one line each naming the spec (empty when all hold).</returns>
    public async Task<IReadOnlyList<string>> ViolationsAsync(IEnumerable<string> specIds, CancellationToken cancellationToken = default)
    {
        var violations = new List<string>();
        foreach (var specId in specIds)
        {
            violations.AddRange((await SpecViolationsAsync(specId, cancellationToken)).Select(v => $"{specId}: {v}"));
        }

        return violations;
    }

    public void Dispose() => _storage.Dispose();

    private async Task<List<string>> SpecViolationsAsync(string specId, CancellationToken cancellationToken)
    {
        var spec = await _storage.GetRequiredService<ISpecRepository>().GetAsync(specId, cancellationToken);
        var specTasks = await _storage.GetRequiredService<ISpecTaskRepository>().ListAsync(specId, cancellationToken);
        var tickets = await _storage.GetRequiredService<ITicketRepository>().ListAsync(specId, cancellationToken);
        var tasks = await _storage.GetRequiredService<IWorkTaskRepository>().ListAsync(specId, cancellationToken);
        var requirements = await _storage.GetRequiredService<IRequirementRepository>().ListAsync(specId, cancellationToken);
        var events = await _storage.GetRequiredService<ISpecEventRepository>().ListAsync(specId, 0, int.MaxValue, cancellationToken);
        var violations = new List<string>();

        var status = Wire(spec.Status);
        if (!FinalStatuses.Contains(status))
        {
            violations.Add($"status {status} is not final (phase {Wire(spec.CurrentPhase)}, progress {spec.Progress})");
        }

        Unique(violations, "spec task", specTasks.Select(t => t.Id));
        Unique(violations, "spec task key", specTasks.Select(t => t.Key));
        Unique(violations, "requirement", requirements.Select(r => r.Id));
        Unique(violations, "work task", tasks.Select(t => t.Id));
        Unique(violations, "work task of spec task", tasks.Select(t => t.SpecTaskId));
        if (tickets.Count > 1)
        {
            violations.Add($"{tickets.Count} tickets: {string.Join(", ", tickets.Select(t => t.Id))}");
        }

        var sequences = events.Select(e => e.Sequence).ToList();
        if (!sequences.SequenceEqual(Enumerable.Range(1, events.Count).Select(n => (long)n)))
        {
            violations.Add($"events are not numbered 1..{events.Count}: {Ranges(sequences)}");
        }

        foreach (var task in tasks)
        {
            var verdicts = events.Count(e => e.EntityId == task.Id && e.Type is SpecEventTypes.TaskCompleted or SpecEventTypes.TaskFailed);
            var expected = task.Status is WorkTaskStatus.Completed or WorkTaskStatus.Failed ? 1 : 0;
            if (verdicts != expected)
            {
                violations.Add($"task {task.Id} ({Wire(task.Status)}) has {verdicts} verdict events, expected {expected}");
            }

            var created = events.Count(e => e.EntityId == task.Id && e.Type == SpecEventTypes.TaskCreated);
            if (created != 1)
            {
                violations.Add($"task {task.Id} has {created} task_created events");
            }
        }

        var attemptCosts = events.Where(e => CostedEvents.Contains(e.Type)).Sum(e => (decimal?)e.Payload["costUsd"] ?? 0m);
        if (attemptCosts != spec.CostUsd)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"cost {spec.CostUsd} is not the sum of its attempts' costs {attemptCosts}"));
        }

        violations.AddRange(await MergeViolationsAsync(spec, specTasks, tasks, cancellationToken));
        return violations;
    }

    /// <summary>On the spec branch each task is merged at most once, and a completed task's recorded merge is there.</summary>
    private static async Task<List<string>> MergeViolationsAsync(Spec spec, IReadOnlyList<SpecTask> specTasks, IReadOnlyList<WorkTask> tasks, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        if (!Directory.Exists(spec.Repository) || tasks.Count == 0)
        {
            return violations;
        }

        var log = await GitAsync(spec.Repository, cancellationToken, "log", "--merges", "--format=%H %s", spec.Branch, "--");
        var merges = log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (Commit: line[..40], Key: line[41..].Split(':')[0].Replace("Merge ", "", StringComparison.Ordinal)))
            .ToList();
        foreach (var key in merges.GroupBy(m => m.Key).Where(g => g.Count() > 1))
        {
            violations.Add($"{key.Key} is merged {key.Count()} times into {spec.Branch}");
        }

        var keys = specTasks.ToDictionary(t => t.Id, t => t.Key, StringComparer.Ordinal);
        foreach (var task in tasks.Where(t => t.Status == WorkTaskStatus.Completed && t.Result?.MergedCommit is not null))
        {
            if (!merges.Any(m => m.Commit == task.Result!.MergedCommit))
            {
                violations.Add($"{keys.GetValueOrDefault(task.SpecTaskId)} records merge {task.Result!.MergedCommit}, which is not on {spec.Branch}");
            }
        }

        return violations;
    }

    private static void Unique(List<string> violations, string what, IEnumerable<string> ids)
    {
        foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            violations.Add($"{what} {duplicate.Key} is stored {duplicate.Count()} times");
        }
    }

    private static string Ranges(List<long> sequences) =>
        sequences.Count <= 20 ? string.Join(",", sequences) : $"{sequences.Count} events, {string.Join(",", sequences.Take(10))}…{string.Join(",", sequences.TakeLast(5))}";

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value, OmoiOs.Core.Application.ApiJson.Options).Trim('"');

    private static async Task<string> GitAsync(string repository, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-C", repository, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = git.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = git.StandardError.ReadToEndAsync(cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        return git.ExitCode == 0 ? await output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {await error}");
    }
}
