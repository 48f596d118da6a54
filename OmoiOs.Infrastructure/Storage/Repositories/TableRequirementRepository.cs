using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Requirements and their acceptance criteria, upserted in entity-group batches.</summary>
internal sealed class TableRequirementRepository(RecordTable table, SpecPartitionWriter writer) : IRequirementRepository
{
    public Task UpsertAsync(
        string specId,
        IReadOnlyList<SpecRequirement> requirements,
        IReadOnlyList<SpecAcceptanceCriterion> criteria,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(criteria);
        PartitionGuard.EnsureAll(specId, requirements.Select(r => r.SpecId).Concat(criteria.Select(c => c.SpecId)));
        var actions = requirements.Select(RequirementEntityMapper.ToEntity)
            .Concat(criteria.Select(CriterionEntityMapper.ToEntity))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .ToList();
        return writer.BulkAsync(actions, cancellationToken);
    }

    public async Task MarkCriteriaMetAsync(string specId, IReadOnlyList<SpecAcceptanceCriterion> criteria, Func<SpecAcceptanceCriterion, SpecEventDraft> metEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(metEvent);
        PartitionGuard.EnsureAll(specId, criteria.Select(c => c.SpecId));
        // Each criterion writes itself and one event; the event head makes the last entity of a transaction.
        foreach (var chunk in criteria.Chunk((SpecPartitionWriter.MaxActionsPerTransaction - 1) / 2))
        {
            var actions = chunk
                .Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CriterionEntityMapper.ToEntity(c with { Completed = true })))
                .ToList();
            await OptimisticRetry.RunAsync("Spec", specId, () => writer.CommitAsync(specId, actions, chunk.Select(metEvent).ToList(), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<SpecRequirement>> ListAsync(string specId, CancellationToken cancellationToken) =>
        (await table.QueryListAsync(PartitionGuard.Filter(specId, RowKeys.RequirementPrefix), cancellationToken).ConfigureAwait(false))
            .Select(RequirementEntityMapper.FromEntity)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

    public async Task<IReadOnlyList<SpecAcceptanceCriterion>> ListCriteriaAsync(string specId, CancellationToken cancellationToken) =>
        (await table.QueryListAsync(PartitionGuard.Filter(specId, RowKeys.CriterionPrefix), cancellationToken).ConfigureAwait(false))
            .Select(CriterionEntityMapper.FromEntity)
            .OrderBy(c => c.RequirementId, StringComparer.Ordinal)
            .ThenBy(c => c.Ordinal)
            .ToList();
}
