using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// Writes to one spec's partition. A change and the events that report it go in one entity-group transaction
/// together with the partition's event head, whose ETag makes sequence numbers gap-free across processes;
/// in-process writers of one record, and of one spec's event head, take turns so they do not race each other.
/// Bulk writes are split into transactions of at most 100 entities and 4 MB.
/// </summary>
internal sealed class SpecPartitionWriter(RecordTable table, TimeProvider timeProvider)
{
    public const int MaxActionsPerTransaction = 100;
    private const int MaxTransactionBytes = 3_500_000;
    private const int BulkConcurrency = 4;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _headTurns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _recordTurns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EventHead> _heads = new(StringComparer.Ordinal);

    /// <summary>Commits <paramref name="actions"/> and <paramref name="events"/> atomically; a lost race throws <see cref="WriteConflictException"/>.</summary>
    public async Task<CommitResult> CommitAsync(
        string specId,
        IReadOnlyList<TableTransactionAction> actions,
        IReadOnlyList<SpecEventDraft> events,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            var written = await table.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
            return new CommitResult([], ETagsOf(written, actions.Count));
        }

        if (actions.Count + events.Count + 1 > MaxActionsPerTransaction)
        {
            throw new InvalidOperationException($"One change may touch at most {MaxActionsPerTransaction - 1} entities with its events; got {actions.Count + events.Count}.");
        }

        var turn = _headTurns.GetOrAdd(specId, static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = _heads.TryGetValue(specId, out var cached) ? cached : await ReadHeadAsync(specId, cancellationToken).ConfigureAwait(false);
            var at = timeProvider.GetUtcNow();
            var stored = events
                .Select((draft, i) => new SpecEvent(specId, head.Last + i + 1, draft.Type, draft.EntityType, draft.EntityId, draft.Payload ?? [], at))
                .ToList();

            var all = new List<TableTransactionAction>(actions.Count + stored.Count + 1);
            all.AddRange(actions);
            all.AddRange(stored.Select(e => new TableTransactionAction(TableTransactionActionType.Add, SpecEventEntityMapper.ToEntity(e))));
            var headEntity = new TableEntity(specId, RowKeys.EventHead) { ["kind"] = "event_head", ["last"] = head.Last + stored.Count };
            all.Add(head.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, headEntity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, headEntity));

            IReadOnlyList<Response> responses;
            try
            {
                responses = await table.SubmitAsync(all, cancellationToken).ConfigureAwait(false);
            }
            catch (WriteConflictException)
            {
                // Someone else may have appended events; read the head afresh next time.
                _heads.TryRemove(specId, out _);
                throw;
            }

            _heads[specId] = new EventHead(head.Last + stored.Count, responses[^1].Headers.ETag);
            return new CommitResult(stored, ETagsOf(responses, actions.Count));
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while no other writer of this process changes the same record, so that a
    /// read-modify-write only races other processes.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(string specId, string rowKey, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var turn = _recordTurns.GetOrAdd($"{specId}/{rowKey}", static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Upserts many entities of one partition in transactions of at most 100, a few at a time.</summary>
    public async Task BulkAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batches = Batch(actions).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = BulkConcurrency, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitAsync(batch, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task<long> ReadLastSequenceAsync(string specId, CancellationToken cancellationToken) =>
        (await ReadHeadAsync(specId, cancellationToken).ConfigureAwait(false)).Last;

    internal static IEnumerable<IReadOnlyList<TableTransactionAction>> Batch(IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = new List<TableTransactionAction>(MaxActionsPerTransaction);
        var bytes = 0L;
        foreach (var action in actions)
        {
            var size = EstimateBytes(action.Entity);
            if (batch.Count == MaxActionsPerTransaction || (batch.Count > 0 && bytes + size > MaxTransactionBytes))
            {
                yield return batch;
                batch = new List<TableTransactionAction>(MaxActionsPerTransaction);
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static long EstimateBytes(ITableEntity entity) =>
        entity is TableEntity dictionary
            ? dictionary.Sum(p => 16L + (p.Key.Length * 2) + (p.Value is string s ? s.Length * 2 : 8))
            : 1024;

    private async Task<EventHead> ReadHeadAsync(string specId, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(specId, RowKeys.EventHead, cancellationToken).ConfigureAwait(false);
        return entity is null ? new EventHead(0, null) : new EventHead(entity.GetInt64("last") ?? 0, entity.ETag);
    }

    private static List<ETag?> ETagsOf(IReadOnlyList<Response> responses, int count) =>
        responses.Take(count).Select(r => r.Headers.ETag).ToList();

    private sealed record EventHead(long Last, ETag? ETag);
}

/// <summary>The events as stored, and the new ETag of each written entity in the order given.</summary>
internal sealed record CommitResult(IReadOnlyList<SpecEvent> Events, IReadOnlyList<ETag?> ETags);
