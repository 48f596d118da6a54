using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>One change to one record, applied by <see cref="RecordUpdater"/>.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Change">The record as it should be; returning the same instance means "nothing to change".</param>
internal sealed record RecordUpdate<T>(string Id, Func<T, T> Change)
    where T : class
{
    /// <summary>Events appended in the same transaction, built from the record before and after.</summary>
    public Func<T, T, IReadOnlyList<SpecEventDraft>>? Events { get; init; }

    /// <summary>
    /// The record as the caller already holds it, with its version: the first attempt writes under that version without
    /// reading it again. A lost race, a transition it does not allow, or a change that is a no-op on it is decided
    /// again on the stored record.
    /// </summary>
    public T? Held { get; init; }

    /// <summary>Further rows of the same partition written in the same transaction (e.g. a task's spec task).</summary>
    public CompanionRows<T>? Companions { get; init; }
}

/// <summary>The other rows one change writes along with its record.</summary>
/// <param name="fromHeld">Whether <paramref name="current"/> is the record the caller held rather than the stored one.</param>
internal delegate Task<IReadOnlyList<TableTransactionAction>> CompanionRows<in T>(T current, T updated, bool fromHeld, CancellationToken cancellationToken);
