using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// Writes to one spec's partition. A change and the events that report it go in one entity-group transaction
/// together with the partition's event head, whose ETag makes sequence numbers gap-free across processes;
/// in-process writers of one record take turns so they do not race each other. Changes with events are
/// group-committed, since each must wait for the head's new ETag anyway: while one transaction is in flight, the
/// changes that arrive queue up, and the next transaction carries as many of them as fit (100 entities, 4 MB, no
/// row twice), so concurrent task updates cost one round trip together instead of one each. Changes without
/// events go at once. Bulk writes are split into transactions of at most 100 entities and 4 MB.
/// </summary>
internal sealed class SpecPartitionWriter(RecordTable table, TimeProvider timeProvider)
{
    public const int MaxActionsPerTransaction = 100;
    private const int MaxTransactionBytes = 3_500_000;
    private const int BulkConcurrency = 4;

    private readonly ConcurrentDictionary<string, CommitQueue> _queues = new(StringComparer.Ordinal);
    private readonly KeyedLocks _recordTurns = new();
    private readonly ConcurrentDictionary<string, EventHead> _heads = new(StringComparer.Ordinal);

    /// <summary>
    /// Commits <paramref name="actions"/> and <paramref name="events"/> atomically, possibly in one transaction with
    /// other changes to the partition; a lost race throws <see cref="WriteConflictException"/> for this change alone.
    /// </summary>
    public async Task<CommitResult> CommitAsync(
        string specId,
        IReadOnlyList<TableTransactionAction> actions,
        IReadOnlyList<SpecEventDraft> events,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(events);
        var entities = actions.Count + events.Count + (events.Count > 0 ? 1 : 0);
        if (entities > MaxActionsPerTransaction)
        {
            throw new InvalidOperationException($"One change may touch at most {MaxActionsPerTransaction - 1} entities with its events; got {actions.Count + events.Count}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0)
        {
            // Without events there is no head to chain on: such writes go at once, side by side with the queue.
            var written = await table.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
            return new CommitResult([], written.Take(actions.Count).Select(r => r.Headers.ETag).ToList());
        }

        var commit = new PendingCommit(actions, events);
        var queue = _queues.GetOrAdd(specId, static _ => new CommitQueue());
        bool leads;
        lock (queue)
        {
            queue.Waiting.Add(commit);
            leads = !queue.Draining;
            queue.Draining = true;
        }

        if (leads)
        {
            _ = Task.Run(() => DrainAsync(specId, queue), CancellationToken.None);
        }

        return await WaitAsync(queue, commit, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CommitResult> WaitAsync(CommitQueue queue, PendingCommit commit, CancellationToken cancellationToken)
    {
        // A change still waiting when its caller gives up is withdrawn; one already sent is not (its outcome stands).
        await using var withdraw = cancellationToken.Register(() =>
        {
            lock (queue)
            {
                if (queue.Waiting.Remove(commit))
                {
                    commit.Completion.TrySetCanceled(cancellationToken);
                }
            }
        }).ConfigureAwait(false);
        return await commit.Completion.Task.ConfigureAwait(false);
    }

    private async Task DrainAsync(string specId, CommitQueue queue)
    {
        while (true)
        {
            List<PendingCommit> group;
            lock (queue)
            {
                group = TakeGroup(queue.Waiting);
                if (group.Count == 0)
                {
                    queue.Draining = false;
                    return;
                }
            }

            await SubmitAsync(specId, group).ConfigureAwait(false);
        }
    }

    /// <summary>The oldest waiting changes that fit one transaction together with the event head, in arrival order.</summary>
    internal static List<PendingCommit> TakeGroup(List<PendingCommit> waiting)
    {
        var group = new List<PendingCommit>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var entities = 1;
        var bytes = 0L;
        foreach (var commit in waiting)
        {
            var commitBytes = commit.Actions.Sum(a => EstimateBytes(a.Entity)) + (commit.Events.Count * 1024L);
            var fits = entities + commit.Actions.Count + commit.Events.Count <= MaxActionsPerTransaction
                && bytes + commitBytes <= MaxTransactionBytes
                && !commit.Actions.Any(a => rows.Contains(a.Entity.RowKey));
            if (group.Count > 0 && !fits)
            {
                break;
            }

            group.Add(commit);
            rows.UnionWith(commit.Actions.Select(a => a.Entity.RowKey));
            entities += commit.Actions.Count + commit.Events.Count;
            bytes += commitBytes;
        }

        waiting.RemoveRange(0, group.Count);
        return group;
    }

    private async Task SubmitAsync(string specId, List<PendingCommit> group)
    {
        try
        {
            var head = _heads.TryGetValue(specId, out var cached) ? cached : await ReadHeadAsync(specId, CancellationToken.None).ConfigureAwait(false);
            var at = timeProvider.GetUtcNow();
            var all = new List<TableTransactionAction>(MaxActionsPerTransaction);
            var last = head.Last;
            var placed = new List<(PendingCommit Commit, int First, List<SpecEvent> Events)>(group.Count);
            foreach (var commit in group)
            {
                var stored = commit.Events
                    .Select(draft => new SpecEvent(specId, ++last, draft.Type, draft.EntityType, draft.EntityId, draft.Payload ?? [], at))
                    .ToList();
                placed.Add((commit, all.Count, stored));
                all.AddRange(commit.Actions);
                all.AddRange(stored.Select(e => new TableTransactionAction(TableTransactionActionType.Add, SpecEventEntityMapper.ToEntity(e))));
            }

            var headEntity = new TableEntity(specId, RowKeys.EventHead) { ["kind"] = "event_head", ["last"] = last };
            all.Add(head.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, headEntity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, headEntity));

            var responses = await table.SubmitAsync(all, CancellationToken.None).ConfigureAwait(false);
            _heads[specId] = new EventHead(last, responses[^1].Headers.ETag);

            foreach (var (commit, first, events) in placed)
            {
                commit.Completion.TrySetResult(new CommitResult(events, responses.Skip(first).Take(commit.Actions.Count).Select(r => r.Headers.ETag).ToList()));
            }
        }
        catch (WriteConflictException) when (group.Count > 1)
        {
            // One change lost a race (or the head moved): every change goes again on its own, so only the loser fails.
            _heads.TryRemove(specId, out _);
            foreach (var commit in group)
            {
                await SubmitAsync(specId, [commit]).ConfigureAwait(false);
            }
        }
        catch (Exception failure)
        {
            // Someone else may have appended events, or the outcome is unknown: read the head afresh next time.
            _heads.TryRemove(specId, out _);
            foreach (var commit in group)
            {
                commit.Completion.TrySetException(failure);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while no other writer of this process changes the same record, so that a
    /// read-modify-write only races other processes.
    /// </summary>
    public Task<T> ExclusiveAsync<T>(string specId, string rowKey, Func<Task<T>> work, CancellationToken cancellationToken) =>
        _recordTurns.RunAsync($"{specId}/{rowKey}", work, cancellationToken);

    /// <summary>Records whose turn is held or awaited right now (a record nobody writes keeps no lock).</summary>
    public int LiveRecordLocks => _recordTurns.Count;

    /// <summary>Upserts many entities of one partition in transactions of at most 100, a few at a time.</summary>
    public async Task BulkAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batches = Batch(actions).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = BulkConcurrency, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitAsync(batch, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

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

    // Binary travels base64-encoded.
    private static long EstimateBytes(ITableEntity entity) =>
        entity is TableEntity dictionary
            ? dictionary.Sum(p => 16L + (p.Key.Length * 2) + p.Value switch
            {
                string s => s.Length * 2,
                byte[] b => (b.Length + 2) / 3 * 4,
                _ => 8,
            })
            : 1024;

    private async Task<EventHead> ReadHeadAsync(string specId, CancellationToken cancellationToken)
    {
        var entity = await table.FindAsync(specId, RowKeys.EventHead, cancellationToken).ConfigureAwait(false);
        return entity is null ? new EventHead(0, null) : new EventHead(entity.GetInt64("last") ?? 0, entity.ETag);
    }

    private sealed record EventHead(long Last, ETag? ETag);

    /// <summary>The changes waiting for a partition's next transaction, and whether a drain loop is sending them.</summary>
    private sealed class CommitQueue
    {
        public List<PendingCommit> Waiting { get; } = [];

        public bool Draining { get; set; }
    }
}

/// <summary>One caller's change, waiting to be sent in a group.</summary>
internal sealed class PendingCommit(IReadOnlyList<TableTransactionAction> actions, IReadOnlyList<SpecEventDraft> events)
{
    public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;

    public IReadOnlyList<SpecEventDraft> Events { get; } = events;

    public TaskCompletionSource<CommitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The events as stored, and the new ETag of each written entity in the order given.</summary>
internal sealed record CommitResult(IReadOnlyList<SpecEvent> Events, IReadOnlyList<ETag?> ETags);
