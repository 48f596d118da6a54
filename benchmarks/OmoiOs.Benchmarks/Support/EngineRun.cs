using System.Diagnostics;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// One spec through EXECUTE on the Durable Task Framework on Azurite: the plan is seeded and SYNCed beforehand (not timed), then
/// an execute-only run does START, PREPARE (the bridge creates the work tasks), every task with the no-op agent,
/// and COMPLETE. The EXECUTE span is read from the spec's own events: from <c>execution_started</c> to the last
/// task's verdict.
/// </summary>
public static class EngineRun
{
    public static async Task<Spec> PrepareAsync(FigureServices figure, SyntheticPlan plan, int maxParallelTasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(plan);
        var spec = await plan.SeedAsync(figure.Services, maxParallelTasks, cancellationToken).ConfigureAwait(false);
        var sync = await figure.Get<SyncActivity>().RunAsync(new SyncInput(spec.Id), cancellationToken).ConfigureAwait(false);
        return sync.ReadyForExecution ? spec : throw new InvalidOperationException($"SYNC refused the figure's plan: {string.Join("; ", sync.Blockers)}");
    }

    public static async Task<Result> ExecuteAsync(FigureServices figure, Spec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(spec);
        var engine = await figure.StartWorkerAsync(cancellationToken).ConfigureAwait(false);
        var before = figure.Requests.Take();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        await engine.StartAsync(spec.InstanceId, new SpecWorkflowInput(spec.Id, ExecuteOnly: true), cancellationToken).ConfigureAwait(false);
        var state = await engine.WaitForCompletionAsync(spec.InstanceId, cancellationToken).ConfigureAwait(false);
        var total = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var requests = figure.Requests.Take().Since(before);

        var tasks = await figure.Get<IWorkTaskRepository>().ListAsync(spec.Id, cancellationToken).ConfigureAwait(false);
        var done = await figure.Get<ISpecRepository>().GetAsync(spec.Id, cancellationToken).ConfigureAwait(false);
        if (state is not { Status: WorkflowRuntimeStatus.Completed } || done.Status != SpecStatus.Completed || tasks.Any(t => t.Status != WorkTaskStatus.Completed))
        {
            throw new InvalidOperationException(
                $"The run did not complete every task: instance {state?.Status} ({state?.Failure}), spec {done.Status} ({done.FailureReason}), {tasks.Count(t => t.Status == WorkTaskStatus.Completed)} of {tasks.Count} tasks completed.");
        }

        var events = await ListEventsAsync(figure.Get<ISpecEventRepository>(), spec.Id, cancellationToken).ConfigureAwait(false);
        var executionStarted = events.Last(e => e.Type == SpecEventTypes.ExecutionStarted).At;
        var lastVerdict = events.Last(e => e.Type is SpecEventTypes.TaskCompleted or SpecEventTypes.TaskFailed).At;
        var firstTaskStarted = events.First(e => e.Type == SpecEventTypes.TaskStarted).At;
        return new Result(tasks.Count, total, lastVerdict - executionStarted, firstTaskStarted - startedAt, cpu, requests);
    }

    private static async Task<List<SpecEvent>> ListEventsAsync(ISpecEventRepository events, string specId, CancellationToken cancellationToken)
    {
        var all = new List<SpecEvent>();
        while (true)
        {
            var page = await events.ListAsync(specId, all.Count == 0 ? 0 : all[^1].Sequence, 1000, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    /// <param name="Total">From the start request to the instance's end: start, bridge, EXECUTE, complete.</param>
    /// <param name="Execute">From <c>execution_started</c> to the last task's verdict.</param>
    /// <param name="FirstAgentStart">From the start request to the first task's <c>task_started</c>: what a user waits for the first agent.</param>
    /// <param name="Cpu">This process's processor time over the whole run.</param>
    public sealed record Result(int Tasks, TimeSpan Total, TimeSpan Execute, TimeSpan FirstAgentStart, TimeSpan Cpu, RequestCounter.Snapshot Requests)
    {
        public double MsPerTask => Execute.TotalMilliseconds / Tasks;

        public double TasksPerSecond => Tasks / Execute.TotalSeconds;
    }
}
