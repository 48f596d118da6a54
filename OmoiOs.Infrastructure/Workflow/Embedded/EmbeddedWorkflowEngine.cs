using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>
/// Runs <see cref="SpecWorkflow"/> in this process with its history in Table storage: the one-machine stand-in
/// for Durable Functions. <see cref="ResumeAsync"/> picks up every unfinished instance by replay after a restart.
/// </summary>
public sealed class EmbeddedWorkflowEngine : IWorkflowClient, IAsyncDisposable
{
    private readonly WorkflowHistoryStore _store;
    private readonly WorkflowActivities _activities;
    private readonly EmbeddedEngineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EmbeddedWorkflowEngine> _logger;
    private readonly SemaphoreSlim _activitySlots;
    private readonly ConcurrentDictionary<string, ActiveRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _starting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    internal EmbeddedWorkflowEngine(
        WorkflowHistoryStore store,
        WorkflowActivities activities,
        IOptions<EmbeddedEngineOptions> options,
        TimeProvider timeProvider,
        ILogger<EmbeddedWorkflowEngine> logger)
    {
        _store = store;
        _activities = activities;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _activitySlots = new SemaphoreSlim(_options.MaxConcurrentActivities, _options.MaxConcurrentActivities);
    }

    /// <summary>Starts every instance that was running when the process last stopped.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        var unfinished = await _store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var instance in unfinished)
        {
            _logger.LogInformation("Resuming {Instance} by replay", instance.InstanceId);
            Launch(instance);
        }

        return unfinished.Count;
    }

    public async Task<WorkflowStart> StartAsync(string instanceId, SpecWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var gate = _starting.GetOrAdd(instanceId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await _store.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (existing is { Status: InstanceStatus.Pending or InstanceStatus.Running })
            {
                if (!_runs.ContainsKey(instanceId))
                {
                    Launch(existing);
                }

                return new WorkflowStart(instanceId, Started: false);
            }

            var now = _timeProvider.GetUtcNow();
            var instance = new InstanceRecord(instanceId, WorkflowNames.SpecWorkflow, Guid.NewGuid().ToString("N"), WorkflowJson.Serialize(input), InstanceStatus.Running, null, null, null, now, now);
            await _store.SaveAsync(instance, cancellationToken).ConfigureAwait(false);
            Launch(instance);
            return new WorkflowStart(instanceId, Started: true);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await _store.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return null;
        }

        var customStatus = _runs.TryGetValue(instanceId, out var run) ? run.Runner.CustomStatus : instance.CustomStatus;
        return new WorkflowInstanceState(instance.InstanceId, ToRuntimeStatus(instance.Status), customStatus, instance.Output, instance.Failure, instance.CreatedAt, instance.LastUpdatedAt);
    }

    public async Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        await _store.AddInboxAsync(instanceId, WorkflowNames.ApprovalEvent, WorkflowJson.Serialize(decision), _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (_runs.TryGetValue(instanceId, out var run))
        {
            run.Runner.NotifyInbox();
        }
    }

    public async Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(instanceId, out var run))
        {
            await run.Cancellation.CancelAsync().ConfigureAwait(false);
            await run.Completion.ConfigureAwait(false);
        }

        if (await _store.GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is { Status: InstanceStatus.Pending or InstanceStatus.Running } instance)
        {
            await _store.SaveAsync(instance with { Status = InstanceStatus.Terminated, Failure = reason, LastUpdatedAt = _timeProvider.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the instance is no longer running here (or anywhere, as far as its row tells).</summary>
    public async Task<WorkflowInstanceState?> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_runs.TryGetValue(instanceId, out var run))
            {
                await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var state = await GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (state is not { IsRunning: true } || !_runs.ContainsKey(instanceId))
            {
                return state;
            }
        }
    }

    /// <summary>Stops every run here (their rows stay running, for a restart to resume); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_runs.Values.Select(r => r.Completion)).ConfigureAwait(false);
        _stopping.Dispose();
        _activitySlots.Dispose();
    }

    private void Launch(InstanceRecord instance)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var runner = new InstanceRunner(instance, _store, RunSpecWorkflowAsync, _activities.InvokeAsync, _activitySlots, _options, _timeProvider, _logger);
        var started = new TaskCompletionSource();
        var completion = Task.Run(async () =>
        {
            await started.Task.ConfigureAwait(false);
            await RunToEndAsync(runner, instance, cancellation).ConfigureAwait(false);
        });
        if (!_runs.TryAdd(instance.InstanceId, new ActiveRun(runner, completion, cancellation)))
        {
            cancellation.Dispose();
            return;
        }

        started.SetResult();
    }

    private async Task RunToEndAsync(InstanceRunner runner, InstanceRecord instance, CancellationTokenSource cancellation)
    {
        try
        {
            var final = await runner.RunAsync(cancellation.Token).ConfigureAwait(false);
            await _store.SaveAsync(final, CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Instance {Instance} ended {Status}", instance.InstanceId, final.Status);
            if (final.Status == InstanceStatus.Failed)
            {
                await FailSpecAsync(instance.InstanceId, final.Failure).ConfigureAwait(false);
            }
        }
        catch (InstanceTerminatedException)
        {
            _logger.LogInformation("Instance {Instance} was terminated by another process", instance.InstanceId);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Terminated, or the process is stopping: the row stays as it is so that a restart resumes it.
        }
        catch (Exception error)
        {
            _logger.LogError(error, "Instance {Instance} failed in the engine", instance.InstanceId);
            await _store.SaveAsync(instance with { Status = InstanceStatus.Failed, Failure = error.Message, LastUpdatedAt = _timeProvider.GetUtcNow() }, CancellationToken.None).ConfigureAwait(false);
            await FailSpecAsync(instance.InstanceId, error.Message).ConfigureAwait(false);
        }
        finally
        {
            _runs.TryRemove(instance.InstanceId, out _);
            await cancellation.CancelAsync().ConfigureAwait(false);
            cancellation.Dispose();
        }
    }

    /// <summary>An instance the engine itself gave up on must not leave its spec looking alive.</summary>
    private async Task FailSpecAsync(string specId, string? reason)
    {
        try
        {
            var input = WorkflowJson.Serialize(new FailSpecInput(specId, $"the workflow engine stopped the run: {reason}"));
            await _activities.InvokeAsync(ActivityNames.FailSpec, input, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _logger.LogError(error, "Could not mark spec {Spec} failed after its instance failed", specId);
        }
    }

    private static async Task<string> RunSpecWorkflowAsync(IWorkflowContext context, string input)
    {
        var result = await SpecWorkflow.RunAsync(context, WorkflowJson.Deserialize<SpecWorkflowInput>(input));
        return WorkflowJson.Serialize(result);
    }

    private static WorkflowRuntimeStatus ToRuntimeStatus(InstanceStatus status) => status switch
    {
        InstanceStatus.Pending => WorkflowRuntimeStatus.Pending,
        InstanceStatus.Running => WorkflowRuntimeStatus.Running,
        InstanceStatus.Completed => WorkflowRuntimeStatus.Completed,
        InstanceStatus.Failed => WorkflowRuntimeStatus.Failed,
        _ => WorkflowRuntimeStatus.Terminated,
    };

    private sealed record ActiveRun(InstanceRunner Runner, Task Completion, CancellationTokenSource Cancellation);
}
