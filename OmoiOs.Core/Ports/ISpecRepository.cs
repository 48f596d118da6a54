using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Ports;

/// <summary>Specs. Every change is checked against the spec's ETag and, with its event, written in one transaction.</summary>
public interface ISpecRepository
{
    /// <summary>Stores a new spec and its <c>spec_created</c> event; storing the same spec again is a no-op.</summary>
    Task<Spec> CreateAsync(Spec spec, CancellationToken cancellationToken);

    /// <exception cref="Errors.NotFoundException">No such spec.</exception>
    Task<Spec> GetAsync(string specId, CancellationToken cancellationToken);

    Task<Spec?> FindAsync(string specId, CancellationToken cancellationToken);

    Task<Page<Spec>> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Every spec a run is working on: neither a draft nor finished.</summary>
    IAsyncEnumerable<Spec> ListInFlightAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the spec, applies <paramref name="change"/>, and writes it if nobody changed it meanwhile;
    /// on a lost race re-reads and re-applies (a few times) so that no change is silently overwritten.
    /// A status change in the result is checked against the transition table.
    /// </summary>
    /// <param name="events">Events to append in the same transaction, built from the spec before and after.</param>
    Task<Spec> UpdateAsync(
        string specId,
        Func<Spec, Spec> change,
        Func<Spec, Spec, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken);
}
