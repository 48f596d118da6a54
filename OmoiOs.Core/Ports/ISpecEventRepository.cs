using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Ports;

/// <summary>A spec's event log: sequence numbers start at 1 and have no gaps.</summary>
public interface ISpecEventRepository
{
    /// <summary>Appends events that go with no other record change.</summary>
    Task<IReadOnlyList<SpecEvent>> AppendAsync(string specId, IReadOnlyList<SpecEventDraft> events, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpecEvent>> ListAsync(string specId, long afterSequence, int max, CancellationToken cancellationToken);
}
