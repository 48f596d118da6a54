using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Ports;

public interface ITicketRepository
{
    /// <summary>Inserts the ticket unless one with its id exists; returns the stored one either way.</summary>
    Task<Ticket> GetOrCreateAsync(Ticket ticket, SpecEventDraft? createdEvent, CancellationToken cancellationToken);

    /// <exception cref="Errors.NotFoundException">No such ticket.</exception>
    Task<Ticket> GetAsync(string ticketId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ticket>> ListAsync(string specId, CancellationToken cancellationToken);

    /// <summary>Lists tickets of every spec (a cross-partition query).</summary>
    Task<Page<Ticket>> ListAllAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>ETag-checked read-modify-write, retried on a lost race; status changes go through the transition table.</summary>
    Task<Ticket> UpdateAsync(string ticketId, Func<Ticket, Ticket> change, SpecEventDraft? changeEvent, CancellationToken cancellationToken);
}
