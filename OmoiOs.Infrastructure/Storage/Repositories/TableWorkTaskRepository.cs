using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Executable tasks; a task's change, its spec task, the spec change it carries and the events are one entity-group transaction.</summary>
internal sealed class TableWorkTaskRepository(RecordTable table, SpecPartitionWriter writer, RecordUpdater updater) : IWorkTaskRepository
{
    // A created task writes itself, its spec task and one event; the event head makes the 100th entity.
    private const int TasksPerCreateTransaction = (SpecPartitionWriter.MaxActionsPerTransaction - 1) / 3;

    public Task<IReadOnlyList<string>> CreateManyAsync(
        string specId,
        IReadOnlyList<WorkTask> tasks,
        SpecTaskStatus specTaskStatus,
        Func<WorkTask, SpecEventDraft>? createdEvent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        PartitionGuard.EnsureAll(specId, tasks.Select(t => t.SpecId));
        return OptimisticRetry.RunAsync<IReadOnlyList<string>>(writer, specId, "bridge", "Spec", specId, async () =>
        {
            var existing = (await ListAsync(specId, cancellationToken).ConfigureAwait(false)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var specTasks = (await table.QueryListAsync(PartitionGuard.Filter(specId, RowKeys.SpecTaskPrefix), cancellationToken).ConfigureAwait(false))
                .Select(SpecTaskEntityMapper.FromEntity)
                .ToDictionary(t => t.Id, StringComparer.Ordinal);
            var fresh = tasks.Where(t => !existing.Contains(t.Id)).DistinctBy(t => t.Id).ToList();
            foreach (var chunk in fresh.Chunk(TasksPerCreateTransaction))
            {
                var actions = new List<TableTransactionAction>(chunk.Length * 2);
                foreach (var task in chunk)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, WorkTaskEntityMapper.ToEntity(task)));
                    var specTask = specTasks.GetValueOrDefault(task.SpecTaskId) ?? throw new NotFoundException("SpecTask", task.SpecTaskId);
                    if (specTask.Status != specTaskStatus)
                    {
                        SpecTaskTransitions.Ensure(specTask.Id, specTask.Status, specTaskStatus);
                    }

                    var linked = specTask with { Status = specTaskStatus, WorkTaskId = task.Id };
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, SpecTaskEntityMapper.ToEntity(linked), new Azure.ETag(specTask.Version!)));
                }

                var events = createdEvent is null ? [] : chunk.Select(createdEvent).ToList();
                await writer.CommitAsync(specId, actions, events, cancellationToken).ConfigureAwait(false);
            }

            return fresh.Select(t => t.Id).ToList();
        }, cancellationToken);
    }

    public async Task<WorkTask> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        var specId = PartitionGuard.SpecOf("Task", taskId);
        var entity = await table.FindAsync(specId, RowKeys.WorkTask(taskId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Task", taskId);
        return WorkTaskEntityMapper.FromEntity(entity);
    }

    public async Task<IReadOnlyList<WorkTask>> ListAsync(string specId, CancellationToken cancellationToken) =>
        (await table.QueryListAsync(PartitionGuard.Filter(specId, RowKeys.WorkTaskPrefix), cancellationToken).ConfigureAwait(false))
            .Select(WorkTaskEntityMapper.FromEntity)
            .ToList();

    public async Task<Page<WorkTask>> ListAllAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var page = await table.QueryPageAsync(RowKeys.PrefixFilter(RowKeys.WorkTaskPrefix), pageSize, continuationToken, cancellationToken).ConfigureAwait(false);
        return new Page<WorkTask>(page.Items.Select(WorkTaskEntityMapper.FromEntity).ToList(), page.ContinuationToken);
    }

    public Task<WorkTask> UpdateAsync(
        string taskId,
        Func<WorkTask, WorkTask> change,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return updater.UpdateAsync(RecordKinds.WorkTask, Update(taskId, change, null, null, specTaskStatus, events, null), cancellationToken);
    }

    public Task<WorkTask> UpdateAsync(
        WorkTask current,
        SpecTask? currentSpecTask,
        Func<WorkTask, WorkTask> change,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken,
        Func<Spec, Spec>? specChange = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        if (currentSpecTask is not null && currentSpecTask.Id != current.SpecTaskId)
        {
            throw new ArgumentException($"Spec task {currentSpecTask.Id} is not the spec task of {current.Id} ({current.SpecTaskId}).", nameof(currentSpecTask));
        }

        return updater.UpdateAsync(RecordKinds.WorkTask, Update(current.Id, change, current, currentSpecTask, specTaskStatus, events, specChange), cancellationToken);
    }

    /// <summary>
    /// A task's change; when its status changes, its spec task moves to the status <paramref name="specTaskStatus"/>
    /// picks, and when it changes at all, <paramref name="specChange"/> changes its spec, all in the same transaction.
    /// </summary>
    private RecordUpdate<WorkTask> Update(
        string taskId,
        Func<WorkTask, WorkTask> change,
        WorkTask? held,
        SpecTask? heldSpecTask,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        Func<Spec, Spec>? specChange) =>
        new(taskId, change)
        {
            Events = events,
            Held = held,
            Companions = async (current, updated, fromHeld, cancellationToken) =>
            {
                var rows = new List<TableTransactionAction>(2);
                if (updated.Status != current.Status && specTaskStatus?.Invoke(updated) is { } target)
                {
                    var specTask = (fromHeld && heldSpecTask?.Version is not null ? heldSpecTask : null)
                        ?? await ReadSpecTaskAsync(current, cancellationToken).ConfigureAwait(false);
                    if (specTask.Status != target)
                    {
                        SpecTaskTransitions.Ensure(specTask.Id, specTask.Status, target);
                        rows.Add(new(TableTransactionActionType.UpdateReplace, SpecTaskEntityMapper.ToEntity(specTask with { Status = target }), new Azure.ETag(specTask.Version!)));
                    }
                }

                if (specChange is not null && await updater.CompanionAsync(RecordKinds.Spec, current.SpecId, specChange, cancellationToken).ConfigureAwait(false) is { } specRow)
                {
                    rows.Add(specRow);
                }

                return rows;
            },
        };

    private async Task<SpecTask> ReadSpecTaskAsync(WorkTask task, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(task.SpecId, RowKeys.SpecTask(task.SpecTaskId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("SpecTask", task.SpecTaskId);
        return SpecTaskEntityMapper.FromEntity(entity);
    }
}
