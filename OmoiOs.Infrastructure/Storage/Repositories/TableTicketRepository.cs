using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Tickets, stored in their spec's partition with a real <c>spec_id</c> column.</summary>
internal sealed class TableTicketRepository(RecordTable table, SpecPartitionWriter writer, RecordUpdater updater) : ITicketRepository
{
    public async Task<Ticket> GetOrCreateAsync(Ticket ticket, SpecEventDraft? createdEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        PartitionGuard.EnsureAll(ticket.SpecId, [PartitionGuard.SpecOf("Ticket", ticket.Id)]);
        if (await FindAsync(ticket.SpecId, ticket.Id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        try
        {
            var result = await writer.CommitAsync(
                ticket.SpecId,
                [new TableTransactionAction(TableTransactionActionType.Add, TicketEntityMapper.ToEntity(ticket))],
                createdEvent is null ? [] : [createdEvent],
                cancellationToken).ConfigureAwait(false);
            return ticket with { Version = result.ETags[0]?.ToString() };
        }
        catch (WriteConflictException)
        {
            return await GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Ticket> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        await FindAsync(PartitionGuard.SpecOf("Ticket", ticketId), ticketId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("Ticket", ticketId);

    public async Task<IReadOnlyList<Ticket>> ListAsync(string specId, CancellationToken cancellationToken) =>
        (await table.QueryListAsync(PartitionGuard.Filter(specId, RowKeys.TicketPrefix), cancellationToken).ConfigureAwait(false))
            .Select(TicketEntityMapper.FromEntity)
            .ToList();

    public async Task<Page<Ticket>> ListAllAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var page = await table.QueryPageAsync(RowKeys.PrefixFilter(RowKeys.TicketPrefix), pageSize, continuationToken, cancellationToken).ConfigureAwait(false);
        return new Page<Ticket>(page.Items.Select(TicketEntityMapper.FromEntity).ToList(), page.ContinuationToken);
    }

    public Task<Ticket> UpdateAsync(
        string ticketId,
        Func<Ticket, Ticket> change,
        Func<Ticket, Ticket, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return updater.UpdateAsync(RecordKinds.Ticket, new RecordUpdate<Ticket>(ticketId, change) { Events = events }, cancellationToken);
    }

    private async Task<Ticket?> FindAsync(string specId, string ticketId, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(specId, RowKeys.Ticket(ticketId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : TicketEntityMapper.FromEntity(entity);
    }
}
