using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow;

/// <summary>Starts and steers <see cref="SpecWorkflow"/> instances: Durable Functions' client in Azure, the local task hub's client on one machine.</summary>
public interface IWorkflowClient
{
    /// <summary>Starts the workflow under <paramref name="instanceId"/> unless an instance there is still running.</summary>
    Task<WorkflowStart> StartAsync(string instanceId, SpecWorkflowInput input, CancellationToken cancellationToken);

    Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken);

    Task RaiseApprovalAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken);

    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the engine's history of every finished instance (completed, failed or terminated) created before
    /// <paramref name="createdBefore"/>; returns how many. The specs' own records are not touched.
    /// </summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}

public sealed record WorkflowStart(string InstanceId, bool Started);

public enum WorkflowRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

public sealed record WorkflowInstanceState(
    string InstanceId,
    WorkflowRuntimeStatus Status,
    string? CustomStatus,
    string? Output,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    SpecWorkflowInput? Input = null)
{
    public bool IsRunning => Status is WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Running;
}
