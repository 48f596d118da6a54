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

    private async Task<T?> ApplyAsync<T>(RecordKind<T> kind, RecordUpdate<T> update, RecordLocation location, T current, bool fromHeld, CancellationToken cancellationToken)
        where T : class
    {
        var changed = update.Change(current);
        if (ReferenceEquals(changed, current))
        {
            // Nothing to change: no write, and no event reporting a change that did not happen.
            return null;
        }

        var updated = kind.Stamp(current, changed, timeProvider.GetUtcNow());
        kind.EnsureTransition(current, updated);
        var actions = new List<TableTransactionAction>(2)
        {
            new(TableTransactionActionType.UpdateReplace, kind.ToEntity(updated), new ETag(kind.VersionOf(current)!)),
        };
        if (update.Companions is { } companions)
        {
            actions.AddRange(await companions(current, updated, fromHeld, cancellationToken).ConfigureAwait(false));
        }

        var result = await writer.CommitAsync(location.SpecId, actions, update.Events?.Invoke(current, updated) ?? [], cancellationToken).ConfigureAwait(false);
        return kind.WithVersion(updated, result.ETags[0]?.ToString());
    }
}
