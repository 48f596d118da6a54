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

    /// <summary>
    /// Reads the ticket, applies <paramref name="change"/>, and writes it under its ETag, retried on a lost race; a status
    /// change is checked against the transition table. A change that returns the ticket it was given writes nothing.
    /// </summary>
    /// <param name="events">Events to append in the same transaction, built from the ticket before and after.</param>
    Task<Ticket> UpdateAsync(
        string ticketId,
        Func<Ticket, Ticket> change,
        Func<Ticket, Ticket, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken);
}
