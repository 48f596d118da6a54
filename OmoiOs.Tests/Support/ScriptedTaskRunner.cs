using System.Collections.Concurrent;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Support;

/// <summary>
/// A task runner for engine tests: completes each task (or fails the ones it is told to) and counts the runs,
/// optionally holding runs until released so a test can stop the engine while tasks are in flight.
/// </summary>
public sealed class ScriptedTaskRunner(Func<TaskRunRequest, TaskRunVerdict>? verdict = null, decimal costPerRun = 0m) : ITaskRunner
{
    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
    private TaskCompletionSource _release = CreateReleased();

    public IReadOnlyDictionary<string, int> Runs => _runs;

    public int TotalRuns => _runs.Values.Sum();

    /// <summary>From now on, runs wait until <see cref="Release"/>.</summary>
    public void Hold() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public async Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        _runs.AddOrUpdate(request.Task.Id, 1, (_, n) => n + 1);
        await _release.Task.WaitAsync(cancellationToken);
        var outcome = verdict?.Invoke(request) ?? TaskRunVerdict.Completed;
        return new TaskRunOutcome(
            outcome,
            new WorkTaskResult { ExitCode = outcome == TaskRunVerdict.Completed ? 0 : 1, ChecksPassed = outcome == TaskRunVerdict.Completed, CostUsd = costPerRun },
            outcome == TaskRunVerdict.Completed ? null : $"checks failed on attempt {request.Attempt}",
            null,
            $"log of {request.Task.Id} attempt {request.Attempt}");
    }

    private static TaskCompletionSource CreateReleased()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}
