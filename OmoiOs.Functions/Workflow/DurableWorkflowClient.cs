using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Functions.Workflow;

/// <summary>
/// <see cref="IWorkflowClient"/> over Durable's client, for one HTTP invocation (the client is bound per call).
/// The instance id is the one the caller gives (the spec's id), so a re-post finds the run it started.
/// </summary>
public sealed class DurableWorkflowClient : IWorkflowClient
{
    private readonly DurableTaskClient _client;

    public DurableWorkflowClient(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public async Task<WorkflowStart> StartAsync(string instanceId, SpecWorkflowInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentNullException.ThrowIfNull(input);
        if (await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { } existing
            && IsUnfinished(ToWorkflowStatus(existing.RuntimeStatus)))
        {
            return new WorkflowStart(instanceId, Started: false);
        }

        await _client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.SpecWorkflow, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        return new WorkflowStart(instanceId, Started: true);
    }

    public async Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? null
            : new WorkflowInstanceState(
                instance.InstanceId,
                ToWorkflowStatus(instance.RuntimeStatus),
                instance.SerializedCustomStatus,
                instance.SerializedOutput,
                instance.FailureDetails?.ErrorMessage,
                instance.CreatedAt,
                instance.LastUpdatedAt,
                ReadInput(instance));
    }

    /// <summary>The instance's input, or null when it is absent or not a <see cref="SpecWorkflowInput"/> (an instance OmoiOs did not start).</summary>
    private static SpecWorkflowInput? ReadInput(OrchestrationMetadata instance)
    {
        try
        {
            return instance.SerializedInput is null || instance.DataConverter is null ? null : instance.ReadInputAs<SpecWorkflowInput>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return _client.RaiseEventAsync(instanceId, WorkflowNames.ApprovalEvent, decision, cancellationToken);
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var filter = new PurgeInstancesFilter(CreatedFrom: null, CreatedTo: createdBefore, Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]);
        return (await _client.PurgeAllInstancesAsync(filter, cancellationToken)).PurgedInstanceCount;
    }

    /// <summary>Terminates the instance with <paramref name="reason"/> as its output (Durable records it; the monitor shows it).</summary>
    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken) =>
        _client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason), cancellationToken);

    /// <remarks>Suspended and continued-as-new instances are not finished, so they count as running: no second start.</remarks>
    internal static WorkflowRuntimeStatus ToWorkflowStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => WorkflowRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed => WorkflowRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => WorkflowRuntimeStatus.Terminated,
#pragma warning disable CS0618 // Canceled is obsolete (never set by Durable today) but still a value a store may hold: it is finished.
        OrchestrationRuntimeStatus.Canceled => WorkflowRuntimeStatus.Terminated,
#pragma warning restore CS0618
        _ => WorkflowRuntimeStatus.Running,
    };

    private static bool IsUnfinished(WorkflowRuntimeStatus status) => status is WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Running;
}
