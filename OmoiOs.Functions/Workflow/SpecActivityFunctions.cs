using Microsoft.Azure.Functions.Worker;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Functions.Workflow;

/// <summary>One activity function per <see cref="ActivityNames"/> entry, each calling the Core activity of that name.</summary>
public sealed class SpecActivityFunctions(
    StartPlanningActivity startPlanning,
    RunPhaseActivity runPhase,
    RequestApprovalActivity requestApproval,
    ResolveApprovalActivity resolveApproval,
    SyncActivity sync,
    PrepareExecutionActivity prepareExecution,
    RunTaskAttemptActivity runTaskAttempt,
    BlockTasksActivity blockTasks,
    CompleteSpecActivity completeSpec,
    FailSpecActivity failSpec)
{
    [Function(ActivityNames.StartPlanning)]
    public Task<SpecRunSettings> StartPlanningAsync([ActivityTrigger] StartPlanningInput input, CancellationToken cancellationToken) =>
        startPlanning.RunAsync(input, cancellationToken);

    [Function(ActivityNames.RunPhase)]
    public Task<PhaseAttemptResult> RunPhaseAsync([ActivityTrigger] RunPhaseInput input, CancellationToken cancellationToken) =>
        runPhase.RunAsync(input, cancellationToken);

    [Function(ActivityNames.RequestApproval)]
    public Task<bool> RequestApprovalAsync([ActivityTrigger] RequestApprovalInput input, CancellationToken cancellationToken) =>
        requestApproval.RunAsync(input, cancellationToken);

    [Function(ActivityNames.ResolveApproval)]
    public Task<bool> ResolveApprovalAsync([ActivityTrigger] ResolveApprovalInput input, CancellationToken cancellationToken) =>
        resolveApproval.RunAsync(input, cancellationToken);

    [Function(ActivityNames.Sync)]
    public Task<SyncResult> SyncAsync([ActivityTrigger] SyncInput input, CancellationToken cancellationToken) =>
        sync.RunAsync(input, cancellationToken);

    [Function(ActivityNames.PrepareExecution)]
    public Task<ExecutionPlanInput> PrepareExecutionAsync([ActivityTrigger] PrepareExecutionInput input, CancellationToken cancellationToken) =>
        prepareExecution.RunAsync(input, cancellationToken);

    [Function(ActivityNames.RunTaskAttempt)]
    public Task<TaskAttemptResult> RunTaskAttemptAsync([ActivityTrigger] RunTaskAttemptInput input, CancellationToken cancellationToken) =>
        runTaskAttempt.RunAsync(input, cancellationToken);

    [Function(ActivityNames.BlockTasks)]
    public Task<int> BlockTasksAsync([ActivityTrigger] BlockTasksInput input, CancellationToken cancellationToken) =>
        blockTasks.RunAsync(input, cancellationToken);

    [Function(ActivityNames.CompleteSpec)]
    public Task<SpecWorkflowResult> CompleteSpecAsync([ActivityTrigger] CompleteSpecInput input, CancellationToken cancellationToken) =>
        completeSpec.RunAsync(input, cancellationToken);

    [Function(ActivityNames.FailSpec)]
    public Task<bool> FailSpecAsync([ActivityTrigger] FailSpecInput input, CancellationToken cancellationToken) =>
        failSpec.RunAsync(input, cancellationToken);
}
