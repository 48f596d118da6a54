using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Benchmarks.Support;

/// <summary>An agent that finishes every task at once with a one-line log, so a figure measures only orchestration.</summary>
public sealed class NoOpTaskRunner : ITaskRunner
{
    public const string Log = "no-op agent: nothing to do\n";

    public Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TaskRunOutcome(TaskRunVerdict.Completed, new WorkTaskResult { ExitCode = 0, ChecksPassed = true }, null, null, Log));
}
