using System.Text.Json;
using System.Text.Json.Nodes;
using OmoiOs.Core.Application;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Review;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>
/// Puts the spec in <c>awaiting_approval</c> for a gate; a repeat for the same gate changes nothing. The event names
/// what waits (how many items, what a re-plan changed) and where to read it, in the API and the CLI.
/// </summary>
public sealed class RequestApprovalActivity(ISpecRepository specs, PlanDocuments plan) : IWorkflowActivity<RequestApprovalInput, bool>
{
    public async Task<bool> RunAsync(RequestApprovalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = await specs.GetAsync(input.SpecId, cancellationToken).ConfigureAwait(false);
        var pending = spec with { PendingApproval = input.Gate };
        var (items, review) = input.Gate == ApprovalGate.Requirements
            ? await RequirementsAsync(pending, cancellationToken).ConfigureAwait(false)
            : await DesignAsync(pending, cancellationToken).ConfigureAwait(false);
        var gate = input.Gate.ToWire();
        // A new object per call: the update may run its event builder again after a concurrency retry.
        JsonObject Payload() => new()
        {
            ["gate"] = gate,
            ["items"] = items,
            ["changes"] = review.Changes is null ? null : JsonSerializer.SerializeToNode(review.Changes, ApiJson.Options),
            ["read"] = $"/api/specs/{input.SpecId}/{gate}",
            ["show"] = $"omoi show {input.SpecId} {gate}",
        };
        await specs.UpdateAsync(
            input.SpecId,
            s => s.Status == SpecStatus.AwaitingApproval && s.PendingApproval == input.Gate
                ? s
                : s with { Status = SpecStatus.AwaitingApproval, PendingApproval = input.Gate },
            (before, after) => before.Status == after.Status
                ? []
                : SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.ApprovalRequested, Payload())),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<(int Items, PlanReview Review)> RequirementsAsync(Spec spec, CancellationToken cancellationToken)
    {
        var planned = await plan.RequirementsAsync(spec, cancellationToken).ConfigureAwait(false);
        return (planned.Requirements.Count, planned.Review);
    }

    private async Task<(int Items, PlanReview Review)> DesignAsync(Spec spec, CancellationToken cancellationToken)
    {
        var design = await plan.DesignAsync(spec, cancellationToken).ConfigureAwait(false);
        return (design?.Design.Components.Count ?? 0, design?.Review ?? new PlanReview(true, null));
    }
}
