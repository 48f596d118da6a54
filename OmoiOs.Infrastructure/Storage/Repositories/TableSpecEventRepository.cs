using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>A spec's events, one row each, keyed by their zero-padded sequence so that range reads come back in order.</summary>
internal sealed class TableSpecEventRepository(RecordTable table, SpecPartitionWriter writer) : ISpecEventRepository
{
    public async Task<IReadOnlyList<SpecEvent>> AppendAsync(string specId, IReadOnlyList<SpecEventDraft> events, CancellationToken cancellationToken)
    {
        PartitionGuard.EnsureAll(specId, []);
        var stored = new List<SpecEvent>(events.Count);
        foreach (var chunk in events.Chunk(SpecPartitionWriter.MaxActionsPerTransaction - 1))
        {
            var result = await OptimisticRetry.RunAsync("Spec", specId, () => writer.CommitAsync(specId, [], chunk, cancellationToken), cancellationToken).ConfigureAwait(false);
            stored.AddRange(result.Events);
        }

        return stored;
    }

    public async Task<IReadOnlyList<SpecEvent>> ListAsync(string specId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (!RecordIds.IsSpecId(specId))
        {
            return [];
        }

        var filter = $"PartitionKey eq '{RowKeys.Escape(specId)}' and RowKey gt '{RowKeys.Event(afterSequence)}' and {RowKeys.PrefixFilter(RowKeys.EventPrefix)}";
        var result = new List<SpecEvent>(Math.Min(max, 1000));
        await foreach (var entity in table.QueryAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            result.Add(SpecEventEntityMapper.FromEntity(entity));
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }
}
