using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>
/// COMPLETE: the spec is <c>completed</c> only when every one of its tasks completed; otherwise it fails naming the
/// first failed task and its reason, and its <c>execution_completed</c> event lists every failed and blocked task. Requirements whose tasks all completed have their criteria met, and the ticket moves to done.
/// </summary>
public sealed class CompleteSpecActivity(
    ISpecRepository specs,
    IWorkTaskRepository tasks,
    ISpecTaskRepository specTasks,
    IRequirementRepository requirements,
    ITicketRepository tickets) : IWorkflowActivity<CompleteSpecInput, SpecWorkflowResult>
{
    public async Task<SpecWorkflowResult> RunAsync(CompleteSpecInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var all = await tasks.ListAsync(input.SpecId, cancellationToken).ConfigureAwait(false);
        var planned = await specTasks.ListAsync(input.SpecId, cancellationToken).ConfigureAwait(false);
        var completed = all.Count(t => t.Status == WorkTaskStatus.Completed);
        var failed = all.Count(t => t.Status == WorkTaskStatus.Failed);
        var blocked = all.Count(t => t.Status == WorkTaskStatus.Blocked);
        var failures = TaskFailures.Of(all, planned);
        var reason = input.FailureReason
            ?? (all.Count > 0 && completed == all.Count ? null : TaskFailures.SpecReason(failures, all.Count, completed));

        await MeetCriteriaAsync(input.SpecId, planned, cancellationToken).ConfigureAwait(false);
        await CloseTicketAsync(input.SpecId, reason, cancellationToken).ConfigureAwait(false);
        var spec = await specs.UpdateAsync(
            input.SpecId,
            s => SpecTransitions.IsFinished(s.Status) ? s : reason is null
                ? s with { Status = SpecStatus.Completed, CurrentPhase = SpecPhase.Complete, Progress = 100, FailureReason = null }
                : s with { Status = SpecStatus.Failed, CurrentPhase = SpecPhase.Complete, FailureReason = reason },
            (before, after) => before.Status == after.Status ? [] : SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.ExecutionCompleted, new JsonObject
            {
                ["completed"] = completed,
                ["failed"] = failed,
                ["blocked"] = blocked,
                ["total"] = all.Count,
                ["failureReason"] = reason,
                ["failures"] = new JsonArray([.. failures.Select(f => new JsonObject
                {
                    ["taskId"] = f.TaskId,
                    ["key"] = f.Key,
                    ["status"] = f.Status.ToWire(),
                    ["reason"] = f.Reason,
                })]),
            })),
            cancellationToken).ConfigureAwait(false);
        return new SpecWorkflowResult(spec.Id, spec.Status.ToWire(), spec.FailureReason, completed, failed, blocked);
    }

    private async Task MeetCriteriaAsync(string specId, IReadOnlyList<SpecTask> planned, CancellationToken cancellationToken)
    {
        var done = planned
            .SelectMany(t => t.Requirements.Select(r => (Requirement: r, Done: t.Status == SpecTaskStatus.Completed)))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .Where(g => g.All(x => x.Done))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var met = (await requirements.ListAsync(specId, cancellationToken).ConfigureAwait(false))
            .Where(r => done.Contains(r.Id) && r.Status != RequirementStatus.Completed)
            .Select(r => r with { Status = RequirementStatus.Completed })
            .ToList();
        var criteria = (await requirements.ListCriteriaAsync(specId, cancellationToken).ConfigureAwait(false))
            .Where(c => done.Contains(c.RequirementId) && !c.Completed)
            .ToList();
        await requirements.MarkCriteriaMetAsync(
            specId,
            criteria,
            c => new SpecEventDraft(SpecEventTypes.CriterionMet, "criterion", c.Id, new JsonObject { ["requirementId"] = c.RequirementId }),
            cancellationToken).ConfigureAwait(false);
        if (met.Count > 0)
        {
            await requirements.UpsertAsync(specId, met, [], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CloseTicketAsync(string specId, string? reason, CancellationToken cancellationToken)
    {
        var ticketId = RecordIds.Ticket(specId);
        if (reason is not null)
        {
            await tickets.UpdateAsync(ticketId, t => t with { Blocked = true, BlockedReason = reason }, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var next in new[] { TicketStatus.BuildingDone, TicketStatus.Testing, TicketStatus.Done })
        {
            await tickets.UpdateAsync(ticketId, t => TicketTransitions.CanTransition(t.Status, next) ? t with { Status = next, Blocked = false, BlockedReason = null } : t, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
