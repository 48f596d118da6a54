using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Bridges the spec's tasks into work tasks, moves the spec to <c>executing_tasks</c> and its ticket to building, and returns the graph to run.</summary>
public sealed class PrepareExecutionActivity(ExecutionBridge bridge, ISpecRepository specs, ITicketRepository tickets) : IWorkflowActivity<PrepareExecutionInput, ExecutionPlanInput>
{
    public async Task<ExecutionPlanInput> RunAsync(PrepareExecutionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bridged = await bridge.BridgeAsync(input.SpecId, input.SpecTaskIds, cancellationToken).ConfigureAwait(false);
        await specs.UpdateAsync(
            input.SpecId,
            s => s.Status == SpecStatus.ExecutingTasks ? s : s with { Status = SpecStatus.ExecutingTasks, CurrentPhase = SpecPhase.Execute, Progress = PhaseProgress.PlanningShare, FailureReason = null },
            (before, after) => before.Status == after.Status ? [] : SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.ExecutionStarted, new JsonObject
            {
                ["ticketId"] = bridged.TicketId,
                ["tasks"] = bridged.Tasks.Count,
                ["tasksCreated"] = bridged.TasksCreated,
            })),
            cancellationToken).ConfigureAwait(false);

        foreach (var next in new[] { TicketStatus.Analyzing, TicketStatus.Building })
        {
            await tickets.UpdateAsync(bridged.TicketId, t => TicketTransitions.CanTransition(t.Status, next) ? t with { Status = next, Blocked = false, BlockedReason = null } : t, null, cancellationToken).ConfigureAwait(false);
        }

        var selected = bridged.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return new ExecutionPlanInput(
            input.SpecId,
            bridged.TicketId,
            bridged.Tasks.Select(t => new PlannedWorkTask(
                t.Id,
                // Dependencies outside the selection were checked to be completed already.
                t.DependsOn.Where(selected.Contains).ToList(),
                t.Priority,
                t.EstimatedHours,
                t.Status,
                t.Attempts,
                t.MaxRetries,
                t.CreatedAt)).ToList());
    }
}
