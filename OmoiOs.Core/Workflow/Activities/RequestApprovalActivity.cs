using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Puts the spec in <c>awaiting_approval</c> for a gate; a repeat for the same gate changes nothing.</summary>
public sealed class RequestApprovalActivity(ISpecRepository specs) : IWorkflowActivity<RequestApprovalInput, bool>
{
    public async Task<bool> RunAsync(RequestApprovalInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await specs.UpdateAsync(
            input.SpecId,
            s => s.Status == SpecStatus.AwaitingApproval && s.PendingApproval == input.Gate
                ? s
                : s with { Status = SpecStatus.AwaitingApproval, PendingApproval = input.Gate },
            (before, after) => before.Status == after.Status
                ? []
                : SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.ApprovalRequested, new JsonObject { ["gate"] = input.Gate.ToWire() })),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
