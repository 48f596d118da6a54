using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Every activity of <see cref="SpecWorkflow"/> by name, with JSON in and out, for an engine that dispatches by name.</summary>
public sealed class WorkflowActivities(
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
    private static readonly WorkflowJsonContext Json = WorkflowJsonContext.Default;

    /// <exception cref="ArgumentException">No activity has that name.</exception>
    public Task<string> InvokeAsync(string name, string input, CancellationToken cancellationToken) => name switch
    {
        ActivityNames.StartPlanning => RunAsync(startPlanning.RunAsync, input, Json.StartPlanningInput, Json.SpecRunSettings, cancellationToken),
        ActivityNames.RunPhase => RunAsync(runPhase.RunAsync, input, Json.RunPhaseInput, Json.PhaseAttemptResult, cancellationToken),
        ActivityNames.RequestApproval => RunAsync(requestApproval.RunAsync, input, Json.RequestApprovalInput, Json.Boolean, cancellationToken),
        ActivityNames.ResolveApproval => RunAsync(resolveApproval.RunAsync, input, Json.ResolveApprovalInput, Json.Boolean, cancellationToken),
        ActivityNames.Sync => RunAsync(sync.RunAsync, input, Json.SyncInput, Json.SyncResult, cancellationToken),
        ActivityNames.PrepareExecution => RunAsync(prepareExecution.RunAsync, input, Json.PrepareExecutionInput, Json.ExecutionPlanInput, cancellationToken),
        ActivityNames.RunTaskAttempt => RunAsync(runTaskAttempt.RunAsync, input, Json.RunTaskAttemptInput, Json.TaskAttemptResult, cancellationToken),
        ActivityNames.BlockTasks => RunAsync(blockTasks.RunAsync, input, Json.BlockTasksInput, Json.Int32, cancellationToken),
        ActivityNames.CompleteSpec => RunAsync(completeSpec.RunAsync, input, Json.CompleteSpecInput, Json.SpecWorkflowResult, cancellationToken),
        ActivityNames.FailSpec => RunAsync(failSpec.RunAsync, input, Json.FailSpecInput, Json.Boolean, cancellationToken),
        _ => throw new ArgumentException($"No activity is called '{name}'.", nameof(name)),
    };

    private static async Task<string> RunAsync<TInput, TOutput>(
        Func<TInput, CancellationToken, Task<TOutput>> activity,
        string input,
        JsonTypeInfo<TInput> inputType,
        JsonTypeInfo<TOutput> outputType,
        CancellationToken cancellationToken)
    {
        var value = JsonSerializer.Deserialize(input, inputType) ?? throw new ArgumentException("The activity input is null.", nameof(input));
        var output = await activity(value, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(output, outputType);
    }
}
