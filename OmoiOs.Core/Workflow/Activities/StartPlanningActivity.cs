using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Moves a spec into planning (or checks it may execute) and returns what the workflow needs of it.</summary>
public sealed class StartPlanningActivity(ISpecRepository specs) : IWorkflowActivity<StartPlanningInput, SpecRunSettings>
{
    public async Task<SpecRunSettings> RunAsync(StartPlanningInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = await specs.UpdateAsync(
            input.SpecId,
            s => input.ExecuteOnly ? EnsureMayExecute(s) : s.Status == SpecStatus.Planning ? s : s with { Status = SpecStatus.Planning, FailureReason = null, CurrentPhase = SpecPhase.Explore },
            (before, after) => SpecChanges.Events(before, after),
            cancellationToken).ConfigureAwait(false);

        return new SpecRunSettings(
            spec.Id,
            spec.Options.RequireApproval,
            spec.Options.MaxParallelTasks,
            spec.Options.BudgetUsd,
            spec.Options.MaxRetries,
            spec.Options.ApprovalTimeoutSeconds,
            spec.CostUsd);
    }

    private static Spec EnsureMayExecute(Spec spec) =>
        spec.Status is SpecStatus.PlanningComplete or SpecStatus.ExecutingTasks or SpecStatus.Failed
            ? spec
            : throw new ConflictException("Spec", spec.Id, $"its planning is not complete (status {spec.Status.ToWire()}).");
}
