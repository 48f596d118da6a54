using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Records a reviewer's decision and returns the spec to planning (to go on, or to redo the phase).</summary>
public sealed class ResolveApprovalActivity(ISpecRepository specs, TimeProvider timeProvider) : IWorkflowActivity<ResolveApprovalInput, bool>
{
    public async Task<bool> RunAsync(ResolveApprovalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = input.Decision;
        await specs.UpdateAsync(
            input.SpecId,
            s => s.Status != SpecStatus.AwaitingApproval ? s : s with
            {
                Status = SpecStatus.Planning,
                PendingApproval = null,
                RequirementsApprovedAt = decision is { Approved: true, Gate: ApprovalGate.Requirements } ? timeProvider.GetUtcNow() : s.RequirementsApprovedAt,
                DesignApprovedAt = decision is { Approved: true, Gate: ApprovalGate.Design } ? timeProvider.GetUtcNow() : s.DesignApprovedAt,
            },
            (before, after) => before.Status == after.Status ? [] : SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.ApprovalReceived, new JsonObject
            {
                ["gate"] = decision.Gate.ToWire(),
                ["approved"] = decision.Approved,
                ["comment"] = decision.Comment,
            })),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
