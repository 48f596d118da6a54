using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Execution;

/// <summary>
/// The link the reference system never wired: for a spec, find or create its one bridging ticket (with a real
/// spec id), turn each pending spec task into a work task whose dependencies are real work task ids, and mark
/// the spec task in progress. Running it again creates nothing twice; a failed or blocked task is queued again.
/// </summary>
public sealed class ExecutionBridge(ISpecRepository specs, ISpecTaskRepository specTasks, ITicketRepository tickets, IWorkTaskRepository workTasks, TimeProvider timeProvider)
{
    public async Task<BridgeResult> BridgeAsync(string specId, IReadOnlyList<string>? specTaskIds, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        var all = await specTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            throw new ConflictException("Spec", specId, "it has no planned tasks; run planning (POST /specs/{id}/execute) first.");
        }

        var byId = all.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var selected = Select(specTaskIds, byId, all);
        var ticket = await tickets.GetOrCreateAsync(NewTicket(spec, selected), SpecEventDraft.ForSpec(specId, SpecEventTypes.TicketCreated, new JsonObject { ["ticketId"] = RecordIds.Ticket(specId) }), cancellationToken).ConfigureAwait(false);

        var existing = (await workTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var now = timeProvider.GetUtcNow();
        var fresh = selected
            .Where(t => !existing.ContainsKey(RecordIds.WorkTask(specId, t.Key)) && t.Status != SpecTaskStatus.Completed)
            .Select(t => ToWorkTask(spec, ticket.Id, t, byId, now))
            .ToList();
        var created = await workTasks.CreateManyAsync(specId, fresh, SpecTaskStatus.InProgress, t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated, new JsonObject { ["specTaskId"] = t.SpecTaskId, ["title"] = t.Title }), cancellationToken).ConfigureAwait(false);

        var requeued = 0;
        foreach (var task in selected.Select(t => existing.GetValueOrDefault(RecordIds.WorkTask(specId, t.Key))).OfType<WorkTask>())
        {
            if (task.Status is WorkTaskStatus.Failed or WorkTaskStatus.Blocked)
            {
                await workTasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Pending, Attempts = 0, Error = null }, _ => SpecTaskStatus.InProgress, (_, after) => [SpecEventDraft.ForTask(after.Id, SpecEventTypes.TaskRetry, new JsonObject { ["reason"] = "queued again by execute-tasks" })], cancellationToken).ConfigureAwait(false);
                requeued++;
            }
        }

        var selectedIds = selected.Select(t => RecordIds.WorkTask(specId, t.Key)).ToHashSet(StringComparer.Ordinal);
        var tasks = (await workTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false)).Where(t => selectedIds.Contains(t.Id)).ToList();
        return new BridgeResult(ticket.Id, created.Count + requeued, selected.Count - created.Count - requeued, tasks);
    }

    private static List<SpecTask> Select(IReadOnlyList<string>? specTaskIds, Dictionary<string, SpecTask> byId, IReadOnlyList<SpecTask> all)
    {
        if (specTaskIds is null || specTaskIds.Count == 0)
        {
            return [.. all];
        }

        var unknown = specTaskIds.Where(id => !byId.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException("taskIds", $"unknown spec task ids: {string.Join(", ", unknown)}");
        }

        var selected = specTaskIds.Distinct(StringComparer.Ordinal).Select(id => byId[id]).ToList();
        var chosen = selected.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var missing = selected
            .SelectMany(t => t.DependsOn.Where(d => !chosen.Contains(d) && byId[d].Status != SpecTaskStatus.Completed).Select(d => $"{t.Key} depends on {byId[d].Key}, which is neither selected nor completed"))
            .ToList();
        return missing.Count > 0 ? throw new ValidationFailedException("taskIds", string.Join("; ", missing)) : selected;
    }

    private static Ticket NewTicket(Spec spec, IReadOnlyList<SpecTask> tasks) => new()
    {
        Id = RecordIds.Ticket(spec.Id),
        SpecId = spec.Id,
        Title = $"[Spec] {spec.Title}",
        Description = spec.Description.Length > 2000 ? spec.Description[..2000] : spec.Description,
        Priority = tasks.Count == 0 ? Priority.Medium : tasks.Min(t => t.Priority),
        CreatedAt = spec.CreatedAt,
        UpdatedAt = spec.CreatedAt,
    };

    private static WorkTask ToWorkTask(Spec spec, string ticketId, SpecTask task, Dictionary<string, SpecTask> byId, DateTimeOffset now) => new()
    {
        Id = RecordIds.WorkTask(spec.Id, task.Key),
        SpecId = spec.Id,
        TicketId = ticketId,
        SpecTaskId = task.Id,
        Title = task.Title,
        Description = task.Description,
        Type = task.Type switch
        {
            SpecTaskType.Test => WorkTaskType.WriteTests,
            SpecTaskType.Refactor => WorkTaskType.Refactor,
            SpecTaskType.Documentation => WorkTaskType.WriteDocs,
            SpecTaskType.Configuration => WorkTaskType.Configure,
            SpecTaskType.Research => WorkTaskType.Research,
            _ => WorkTaskType.ImplementFeature,
        },
        Priority = task.Priority,
        EstimatedHours = task.EstimatedHours,
        // Real work task ids, never planner keys: the reference's first bug.
        DependsOn = task.DependsOn.Select(d => RecordIds.WorkTask(spec.Id, byId[d].Key)).ToList(),
        OwnedFiles = [.. task.FilesToCreate, .. task.FilesToModify],
        MaxRetries = spec.Options.MaxRetries,
        TimeoutSeconds = spec.Options.TaskTimeoutSeconds,
        Branch = TaskBranchNames.ForTask(spec, task),
        CreatedAt = now,
        UpdatedAt = now,
    };
}
