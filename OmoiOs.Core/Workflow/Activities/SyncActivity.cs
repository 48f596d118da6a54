using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>SYNC, then <c>planning_complete</c> with a <c>sync_completed</c> event; idempotent.</summary>
public sealed class SyncActivity(SyncService sync, ISpecRepository specs) : IWorkflowActivity<SyncInput, SyncResult>
{
    public async Task<SyncResult> RunAsync(SyncInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await specs.UpdateAsync(
            input.SpecId,
            s => s.CurrentPhase == SpecPhase.Sync ? s : s with { CurrentPhase = SpecPhase.Sync, Progress = PhaseProgress.AtStartOf(SpecPhase.Sync) },
            (_, after) => [SpecEventDraft.ForSpec(after.Id, SpecEventTypes.PhaseStarted, new JsonObject { ["phase"] = "sync", ["attempt"] = 1 })],
            cancellationToken).ConfigureAwait(false);
        var output = await sync.SyncAsync(input.SpecId, cancellationToken).ConfigureAwait(false);
        if (output.ReadyForExecution)
        {
            await specs.UpdateAsync(
                input.SpecId,
                s => s.Status == SpecStatus.Planning ? s with { Status = SpecStatus.PlanningComplete, Progress = PhaseProgress.PlanningShare } : s,
                (before, after) => before.Status == after.Status ? [] : SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.SyncCompleted, new JsonObject
                {
                    ["requirements"] = output.RequirementsWritten,
                    ["criteria"] = output.CriteriaWritten,
                    ["tasks"] = output.TasksWritten,
                    ["criticalPath"] = new JsonArray(output.Dependencies.CriticalPath.Select(id => (JsonNode?)id).ToArray()),
                    ["parallelGroups"] = output.Dependencies.ParallelGroups.Count,
                })),
                cancellationToken).ConfigureAwait(false);
        }

        return new SyncResult(output.RequirementsWritten, output.CriteriaWritten, output.TasksWritten, output.ReadyForExecution, output.Blockers);
    }
}
