using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Specs in Table storage: one row per spec at the head of its partition.</summary>
internal sealed class TableSpecRepository(RecordTable table, SpecPartitionWriter writer, RecordUpdater updater) : ISpecRepository
{
    private static readonly string InFlightFilter = $"RowKey eq '{RowKeys.Spec}'" + string.Concat(
        Enum.GetValues<SpecStatus>()
            .Where(s => s == SpecStatus.Draft || SpecTransitions.IsFinished(s))
            .Select(s => $" and {SpecEntityMapper.StatusProperty} ne '{s.ToWire()}'"));

    public async Task<Spec> CreateAsync(Spec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entity = SpecEntityMapper.ToEntity(spec);
        try
        {
            await writer.CommitAsync(
                spec.Id,
                [new TableTransactionAction(TableTransactionActionType.Add, entity)],
                [SpecEventDraft.ForSpec(spec.Id, SpecEventTypes.SpecCreated, new() { ["title"] = spec.Title })],
                cancellationToken).ConfigureAwait(false);
        }
        catch (WriteConflictException)
        {
            // Already stored (an idempotent re-run): the stored spec is the answer.
        }

        return await GetAsync(spec.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Spec> GetAsync(string specId, CancellationToken cancellationToken) =>
        await FindAsync(specId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("Spec", specId);

    public async Task<Spec?> FindAsync(string specId, CancellationToken cancellationToken)
    {
        if (!RecordIds.IsSpecId(specId))
        {
            return null;
        }

        var entity = await table.FindAsync(specId, RowKeys.Spec, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : SpecEntityMapper.FromEntity(entity);
    }

    public async Task<Page<Spec>> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var page = await table.QueryPageAsync($"RowKey eq '{RowKeys.Spec}'", pageSize, continuationToken, cancellationToken).ConfigureAwait(false);
        return new Page<Spec>(page.Items.Select(SpecEntityMapper.FromEntity).ToList(), page.ContinuationToken);
    }

    public async IAsyncEnumerable<Spec> ListInFlightAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync(InFlightFilter, cancellationToken).ConfigureAwait(false))
        {
            yield return SpecEntityMapper.FromEntity(entity);
        }
    }

    public Task<Spec> UpdateAsync(
        string specId,
        Func<Spec, Spec> change,
        Func<Spec, Spec, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return updater.UpdateAsync(RecordKinds.Spec, new RecordUpdate<Spec>(specId, change) { Events = events }, cancellationToken);
    }
}
