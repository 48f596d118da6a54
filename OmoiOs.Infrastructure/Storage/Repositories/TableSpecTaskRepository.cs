using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Planned tasks, upserted in entity-group batches.</summary>
internal sealed class TableSpecTaskRepository(RecordTable table, SpecPartitionWriter writer) : ISpecTaskRepository
{
    public Task UpsertAsync(string specId, IReadOnlyList<SpecTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        PartitionGuard.EnsureAll(specId, tasks.Select(t => t.SpecId));
        var actions = tasks
            .Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, SpecTaskEntityMapper.ToEntity(t)))
            .ToList();
        return writer.BulkAsync(actions, cancellationToken);
    }

    public async Task<SpecTask> GetAsync(string specTaskId, CancellationToken cancellationToken)
    {
        var specId = PartitionGuard.SpecOf("SpecTask", specTaskId);
        var entity = await table.FindAsync(specId, RowKeys.SpecTask(specTaskId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("SpecTask", specTaskId);
        return SpecTaskEntityMapper.FromEntity(entity);
    }

    public async Task<IReadOnlyList<SpecTask>> ListAsync(string specId, CancellationToken cancellationToken) =>
        (await table.QueryListAsync(PartitionGuard.Filter(specId, RowKeys.SpecTaskPrefix), cancellationToken).ConfigureAwait(false))
            .Select(SpecTaskEntityMapper.FromEntity)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
}
