using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// <see cref="IWorkflowClient"/> on the task hub's storage: what the local hosts and CLI commands use to start, read and steer
/// <see cref="SpecWorkflow"/> instances, from any process. The messages it sends are the ones Durable's own clients send.
/// </summary>
public sealed class TaskHubWorkflowClient(IOrchestrationServiceClient hub) : IWorkflowClient
{
    private static readonly OrchestrationStatus[] Unfinished = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended];
    private static readonly OrchestrationStatus[] Finished = [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public async Task<WorkflowStart> StartAsync(string instanceId, SpecWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentNullException.ThrowIfNull(input);

        // The provider's de-duplication lets a new start replace a Pending instance (one no worker has picked up yet),
        // which would start a second run over the first: an unfinished instance, Pending included, is kept.
        if (await GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is { IsRunning: true })
        {
            return new WorkflowStart(instanceId, Started: false);
        }

        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, WorkflowDataConverter.Instance.Serialize(input))
        {
            Name = WorkflowNames.SpecWorkflow,
            Version = string.Empty,
            OrchestrationInstance = instance,
        };
        try
        {
            await hub.CreateTaskOrchestrationAsync(new TaskMessage { Event = started, OrchestrationInstance = instance }, Unfinished)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            return new WorkflowStart(instanceId, Started: true);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A start that raced another past the read above: the provider refuses it while that one runs.
            return new WorkflowStart(instanceId, Started: false);
        }
    }

    public async Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var state = (await hub.GetOrchestrationStateAsync(instanceId, allExecutions: false).WaitAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(s => s is not null);
        return state is null
            ? null
            : new WorkflowInstanceState(
                instanceId,
                ToWorkflowStatus(state.OrchestrationStatus),
                state.Status,
                state.Output,
                state.FailureDetails?.ErrorMessage ?? (state.OrchestrationStatus is OrchestrationStatus.Failed or OrchestrationStatus.Terminated ? state.Output : null),
                new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
                ReadInput(state.Input));
    }

    /// <summary>The instance's input, or null when it is absent or not a <see cref="SpecWorkflowInput"/> (an instance OmoiOs did not start).</summary>
    private static SpecWorkflowInput? ReadInput(string? input)
    {
        try
        {
            return string.IsNullOrEmpty(input) ? null : WorkflowDataConverter.Instance.Deserialize<SpecWorkflowInput>(input);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentNullException.ThrowIfNull(decision);
        var raised = new EventRaisedEvent(-1, WorkflowDataConverter.Instance.Serialize(decision)) { Name = WorkflowNames.ApprovalEvent };
        return hub.SendTaskOrchestrationMessageAsync(new TaskMessage { Event = raised, OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId } })
            .WaitAsync(cancellationToken);
    }

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return hub.ForceTerminateTaskOrchestrationAsync(instanceId, reason).WaitAsync(cancellationToken);
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var filter = new PurgeInstanceFilter(DateTime.MinValue, createdBefore.UtcDateTime, Finished);
        var purged = await ((IOrchestrationServicePurgeClient)hub).PurgeInstanceStateAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
        return purged.DeletedInstanceCount;
    }

    /// <summary>Polls until the instance has finished (or does not exist) and returns its last state.</summary>
    public async Task<WorkflowInstanceState?> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = await GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (state is not { IsRunning: true })
            {
                return state;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static WorkflowRuntimeStatus ToWorkflowStatus(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => WorkflowRuntimeStatus.Pending,
        OrchestrationStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationStatus.Failed => WorkflowRuntimeStatus.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => WorkflowRuntimeStatus.Terminated,
        _ => WorkflowRuntimeStatus.Running,
    };
}
