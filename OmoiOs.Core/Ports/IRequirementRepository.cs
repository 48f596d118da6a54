using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Ports;

/// <summary>Requirements with their acceptance criteria.</summary>
public interface IRequirementRepository
{
    /// <summary>Upserts in entity-group transactions of at most 100; re-running with the same records changes nothing.</summary>
    Task UpsertAsync(
        string specId,
        IReadOnlyList<SpecRequirement> requirements,
        IReadOnlyList<SpecAcceptanceCriterion> criteria,
        CancellationToken cancellationToken);

    /// <summary>
    /// Stores criteria as met, each together with the event reporting it (one transaction per chunk), so a crash
    /// never leaves a met criterion without its event or an event without its criterion.
    /// </summary>
    Task MarkCriteriaMetAsync(string specId, IReadOnlyList<SpecAcceptanceCriterion> criteria, Func<SpecAcceptanceCriterion, SpecEventDraft> metEvent, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpecRequirement>> ListAsync(string specId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpecAcceptanceCriterion>> ListCriteriaAsync(string specId, CancellationToken cancellationToken);
}
