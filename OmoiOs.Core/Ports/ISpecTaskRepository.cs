using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Ports;

/// <summary>Planned tasks (<c>TSK-NNN</c>).</summary>
public interface ISpecTaskRepository
{
    /// <summary>Upserts in entity-group transactions of at most 100; re-running with the same records changes nothing.</summary>
    Task UpsertAsync(string specId, IReadOnlyList<SpecTask> tasks, CancellationToken cancellationToken);

    /// <exception cref="Errors.NotFoundException">No such spec task.</exception>
    Task<SpecTask> GetAsync(string specTaskId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpecTask>> ListAsync(string specId, CancellationToken cancellationToken);
}
