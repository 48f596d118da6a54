using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Executable tasks; a task's change, its spec task and the events are one entity-group transaction.</summary>
internal sealed class TableWorkTaskRepository(RecordTable table, SpecPartitionWriter writer, TimeProvider timeProvider) : IWorkTaskRepository
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
        return OptimisticRetry.RunAsync(writer, PartitionGuard.SpecOf("Task", taskId), RowKeys.WorkTask(taskId), "Task", taskId, async () =>
        {
            var current = await GetAsync(taskId, cancellationToken).ConfigureAwait(false);
            return await ApplyAsync(current, null, change, specTaskStatus, events, cancellationToken).ConfigureAwait(false) ?? current;
        }, cancellationToken);
    }

    public Task<WorkTask> UpdateAsync(
        WorkTask current,
        SpecTask? currentSpecTask,
        Func<WorkTask, WorkTask> change,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        if (currentSpecTask is not null && currentSpecTask.Id != current.SpecTaskId)
        {
            throw new ArgumentException($"Spec task {currentSpecTask.Id} is not the spec task of {current.Id} ({current.SpecTaskId}).", nameof(currentSpecTask));
        }

        // Records without a version never came from the store: read them like the id-based update does.
        var known = current.Version is null ? null : current;
        var knownSpecTask = currentSpecTask?.Version is null ? null : currentSpecTask;
        return OptimisticRetry.RunAsync(writer, PartitionGuard.SpecOf("Task", current.Id), RowKeys.WorkTask(current.Id), "Task", current.Id, async () =>
        {
            if (known is { } held)
            {
                var heldSpecTask = knownSpecTask;
                (known, knownSpecTask) = (null, null);
                try
                {
                    // A held record that needs no change may be out of date: the stored one decides that too.
                    if (await ApplyAsync(held, heldSpecTask, change, specTaskStatus, events, cancellationToken).ConfigureAwait(false) is { } written)
                    {
                        return written;
                    }
                }
                catch (InvalidTransitionException)
                {
                    // A held record may be out of date: the stored one decides whether the transition is allowed.
                }
            }

            var stored = await GetAsync(current.Id, cancellationToken).ConfigureAwait(false);
            return await ApplyAsync(stored, null, change, specTaskStatus, events, cancellationToken).ConfigureAwait(false) ?? stored;
        }, cancellationToken);
    }

    /// <returns>The task as written, or null when <paramref name="change"/> left it as it was (nothing written, no event).</returns>
    private async Task<WorkTask?> ApplyAsync(
        WorkTask current,
        SpecTask? knownSpecTask,
        Func<WorkTask, WorkTask> change,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken)
    {
        var changed = change(current);
        if (ReferenceEquals(changed, current))
        {
            return null;
        }

        var updated = changed with { Id = current.Id, SpecId = current.SpecId, UpdatedAt = timeProvider.GetUtcNow() };
        var actions = new List<TableTransactionAction>(2)
        {
            new(TableTransactionActionType.UpdateReplace, WorkTaskEntityMapper.ToEntity(updated), new Azure.ETag(current.Version!)),
        };
        if (updated.Status != current.Status)
        {
            WorkTaskTransitions.Ensure(current.Id, current.Status, updated.Status);
            if (specTaskStatus?.Invoke(updated) is { } target)
            {
                var specTask = knownSpecTask ?? await ReadSpecTaskAsync(current, cancellationToken).ConfigureAwait(false);
                if (specTask.Status != target)
                {
                    SpecTaskTransitions.Ensure(specTask.Id, specTask.Status, target);
                    actions.Add(new(TableTransactionActionType.UpdateReplace, SpecTaskEntityMapper.ToEntity(specTask with { Status = target }), new Azure.ETag(specTask.Version!)));
                }
            }
        }

        var result = await writer.CommitAsync(current.SpecId, actions, events?.Invoke(current, updated) ?? [], cancellationToken).ConfigureAwait(false);
        return updated with { Version = result.ETags[0]?.ToString() };
    }

    private async Task<SpecTask> ReadSpecTaskAsync(WorkTask task, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(task.SpecId, RowKeys.SpecTask(task.SpecTaskId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("SpecTask", task.SpecTaskId);
        return SpecTaskEntityMapper.FromEntity(entity);
    }
}
