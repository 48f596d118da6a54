using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Specs in Table storage: one row per spec at the head of its partition.</summary>
internal sealed class TableSpecRepository(RecordTable table, SpecPartitionWriter writer, TimeProvider timeProvider) : ISpecRepository
{
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

    public Task<Spec> UpdateAsync(
        string specId,
        Func<Spec, Spec> change,
        Func<Spec, Spec, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return OptimisticRetry.RunAsync(writer, specId, RowKeys.Spec, "Spec", specId, async () =>
        {
            var current = await GetAsync(specId, cancellationToken).ConfigureAwait(false);
            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                // Nothing to change: no write, and no event reporting a change that did not happen.
                return current;
            }

            var updated = changed with { Id = current.Id, UpdatedAt = timeProvider.GetUtcNow() };
            if (updated.Status != current.Status)
            {
                SpecTransitions.Ensure(specId, current.Status, updated.Status);
            }

            var drafts = events?.Invoke(current, updated) ?? [];
            var action = new TableTransactionAction(TableTransactionActionType.UpdateReplace, SpecEntityMapper.ToEntity(updated), new Azure.ETag(current.Version!));
            var result = await writer.CommitAsync(specId, [action], drafts, cancellationToken).ConfigureAwait(false);
            return updated with { Version = result.ETags[0]?.ToString() };
        }, cancellationToken);
    }
}
