using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>Marks the dependants of a failed task blocked (and their spec tasks), each with a <c>task_blocked</c> event.</summary>
public sealed class BlockTasksActivity(IWorkTaskRepository tasks) : IWorkflowActivity<BlockTasksInput, int>
{
    public async Task<int> RunAsync(BlockTasksInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var blocked = 0;
        foreach (var taskId in input.TaskIds)
        {
            var task = await tasks.UpdateAsync(
                taskId,
                t => t.Status == WorkTaskStatus.Pending ? t with { Status = WorkTaskStatus.Blocked, Error = $"blocked: {input.FailedTaskId} failed" } : t,
                _ => SpecTaskStatus.Blocked,
                (before, after) => before.Status == after.Status ? [] : [SpecEventDraft.ForTask(after.Id, SpecEventTypes.TaskBlocked, new JsonObject { ["failedTask"] = input.FailedTaskId })],
                cancellationToken).ConfigureAwait(false);
            blocked += task.Status == WorkTaskStatus.Blocked ? 1 : 0;
        }

        return blocked;
    }
}
