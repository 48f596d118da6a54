using Azure;
using Azure.Data.Tables;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// The one read-modify-write path of records: read, change, no-op check, stamp, transition check, ETag-guarded
/// write with the change's events (and companion rows) in one transaction. Writers of one record in this process take
/// turns; a race lost to another process is re-read and re-applied (<see cref="OptimisticRetry"/>).
/// </summary>
internal sealed class RecordUpdater(RecordTable table, SpecPartitionWriter writer, TimeProvider timeProvider)
{
    /// <returns>The record as written, or as stored when the change altered nothing (then nothing is written and no event).</returns>
    public Task<T> UpdateAsync<T>(RecordKind<T> kind, RecordUpdate<T> update, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(update);
        var location = kind.Locate(update.Id);
        // A record without a version never came from the store: it is read like any other.
        var held = update.Held is { } h && kind.VersionOf(h) is not null ? h : null;
        return OptimisticRetry.RunAsync(writer, location.SpecId, location.RowKey, kind.Name, update.Id, async () =>
        {
            if (held is { } first)
            {
                held = null;
                try
                {
                    if (await ApplyAsync(kind, update, location, first, fromHeld: true, cancellationToken).ConfigureAwait(false) is { } written)
                    {
                        return written;
                    }
                }
                catch (InvalidTransitionException)
                {
                    // The held record may be out of date: the stored one decides whether the transition is allowed.
                }
            }

            var entity = await table.FindAsync(location.SpecId, location.RowKey, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException(kind.Name, update.Id);
            var stored = kind.FromEntity(entity);
            return await ApplyAsync(kind, update, location, stored, fromHeld: false, cancellationToken).ConfigureAwait(false) ?? stored;
        }, cancellationToken);
    }

    /// <summary>
    /// Another record's change, as a row for a change's transaction (<see cref="RecordUpdate{T}.Companions"/>): read,
    /// changed, stamped and checked the same way, written under the ETag just read (a lost race retries the whole
    /// change); none when the change alters nothing.
    /// </summary>
    public async Task<TableTransactionAction?> CompanionAsync<T>(RecordKind<T> kind, string id, Func<T, T> change, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(change);
        var location = kind.Locate(id);
        var current = kind.FromEntity(await table.FindAsync(location.SpecId, location.RowKey, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(kind.Name, id));
        return Changed(kind, current, change) is { } updated ? Replace(kind, current, updated) : null;
    }

    private async Task<T?> ApplyAsync<T>(RecordKind<T> kind, RecordUpdate<T> update, RecordLocation location, T current, bool fromHeld, CancellationToken cancellationToken)
        where T : class
    {
        if (Changed(kind, current, update.Change) is not { } updated)
        {
            // Nothing to change: no write, and no event reporting a change that did not happen.
            return null;
        }

        var actions = new List<TableTransactionAction>(2) { Replace(kind, current, updated) };
        if (update.Companions is { } companions)
        {
            actions.AddRange(await companions(current, updated, fromHeld, cancellationToken).ConfigureAwait(false));
        }

        var result = await writer.CommitAsync(location.SpecId, actions, update.Events?.Invoke(current, updated) ?? [], cancellationToken).ConfigureAwait(false);
        return kind.WithVersion(updated, result.ETags[0]?.ToString());
    }

    /// <summary>The changed record, stamped and its transition checked; null when the change alters nothing.</summary>
    private T? Changed<T>(RecordKind<T> kind, T current, Func<T, T> change)
        where T : class
    {
        var changed = change(current);
        if (ReferenceEquals(changed, current))
        {
            return null;
        }

        var updated = kind.Stamp(current, changed, timeProvider.GetUtcNow());
        kind.EnsureTransition(current, updated);
        return updated;
    }

    /// <summary>The updated record written over the current one only if nobody changed it meanwhile.</summary>
    private static TableTransactionAction Replace<T>(RecordKind<T> kind, T current, T updated)
        where T : class => new(TableTransactionActionType.UpdateReplace, kind.ToEntity(updated), new ETag(kind.VersionOf(current)!));
}
