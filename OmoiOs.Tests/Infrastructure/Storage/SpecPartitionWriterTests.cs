using Azure;
using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class SpecPartitionWriterTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private SpecPartitionWriter Writer => _storage.Get<SpecPartitionWriter>();

    [Fact]
    public async Task CommitAsync_200ConcurrentChanges_WritesEveryRowAndNumbersEventsWithoutGaps()
    {
        var specId = TestRecords.NewSpecId();

        var results = await Task.WhenAll(Enumerable.Range(1, 200).Select(n => Writer.CommitAsync(
            specId,
            [new TableTransactionAction(TableTransactionActionType.Add, Row(specId, n))],
            [SpecEventDraft.ForSpec(specId, SpecEventTypes.StatusChanged)],
            CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Select(r => Assert.Single(r.Events).Sequence).Order());
        Assert.All(results, r => Assert.NotNull(Assert.Single(r.ETags)));
        var events = await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(200, (await RowsAsync(specId)).Count);
    }

    [Fact]
    public async Task CommitAsync_OneOfManyConcurrentChangesHasAStaleVersion_OnlyThatChangeFails()
    {
        var specId = TestRecords.NewSpecId();
        await Writer.CommitAsync(specId, [new TableTransactionAction(TableTransactionActionType.Add, Row(specId, 0))], [], CancellationToken.None);
        var stale = Row(specId, 0);
        stale["value"] = "changed";

        var changes = Enumerable.Range(1, 40)
            .Select(n => Writer.CommitAsync(specId, [new TableTransactionAction(TableTransactionActionType.Add, Row(specId, n))], [SpecEventDraft.ForSpec(specId, SpecEventTypes.StatusChanged)], CancellationToken.None))
            .Append(Writer.CommitAsync(specId, [new TableTransactionAction(TableTransactionActionType.UpdateReplace, stale, new ETag("W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\""))], [SpecEventDraft.ForSpec(specId, SpecEventTypes.StatusChanged)], CancellationToken.None))
            .ToList();
        var outcomes = await Task.WhenAll(changes.Select(async c =>
        {
            try
            {
                await c;
                return true;
            }
            catch (WriteConflictException)
            {
                return false;
            }
        }));

        Assert.Equal([.. Enumerable.Repeat(true, 40), false], outcomes);
        var rows = await RowsAsync(specId);
        Assert.Equal(41, rows.Count);
        Assert.Equal("row 0", rows.Single(r => r.RowKey == "test|0000").GetString("value"));
        var events = await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task CommitAsync_TwoProcessesAtOnce_NumberEventsWithoutGapsOrDuplicates()
    {
        var specId = TestRecords.NewSpecId();
        using var other = _storage.SecondProcess();
        var writers = new[] { Writer, other.Get<SpecPartitionWriter>() };

        await Task.WhenAll(Enumerable.Range(1, 60).Select(n => OptimisticRetryCommitAsync(writers[n % 2], specId, n)));

        var events = await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(60, (await RowsAsync(specId)).Count);
    }

    [Fact]
    public async Task CommitAsync_CancelledBeforeItsTurn_ThrowsAndWritesNothing()
    {
        var specId = TestRecords.NewSpecId();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Writer.CommitAsync(
            specId, [new TableTransactionAction(TableTransactionActionType.Add, Row(specId, 1))], [SpecEventDraft.ForSpec(specId, SpecEventTypes.StatusChanged)], cancelled.Token));

        Assert.Empty(await RowsAsync(specId));
    }

    [Fact]
    public void TakeGroup_WaitingChanges_TakesTheOldestThatFitOneTransaction()
    {
        var specId = TestRecords.NewSpecId();
        var waiting = new List<PendingCommit>
        {
            Change(specId, 1, rows: 30, events: 1),
            Change(specId, 100, rows: 30, events: 1),
            Change(specId, 200, rows: 38, events: 1),
            Change(specId, 300, rows: 1, events: 1),
        };

        var first = SpecPartitionWriter.TakeGroup(waiting);
        var second = SpecPartitionWriter.TakeGroup(waiting);

        // 31 + 31 + the head fit; 39 more would make 102 entities.
        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(waiting);
    }

    [Fact]
    public void TakeGroup_TwoChangesToOneRow_PutsThemInSeparateTransactions()
    {
        var specId = TestRecords.NewSpecId();
        var waiting = new List<PendingCommit> { Change(specId, 1, rows: 1, events: 1), Change(specId, 2, rows: 1, events: 1), Change(specId, 1, rows: 1, events: 1) };

        var first = SpecPartitionWriter.TakeGroup(waiting);

        Assert.Equal(2, first.Count);
        Assert.Single(waiting);
    }

    private static async Task OptimisticRetryCommitAsync(SpecPartitionWriter writer, string specId, int n)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.CommitAsync(specId, [new TableTransactionAction(TableTransactionActionType.Add, Row(specId, n))], [SpecEventDraft.ForSpec(specId, SpecEventTypes.StatusChanged)], CancellationToken.None);
                return;
            }
            catch (WriteConflictException) when (attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(1, 10));
            }
        }
    }

    private static PendingCommit Change(string specId, int firstRow, int rows, int events) => new(
        Enumerable.Range(firstRow, rows).Select(n => new TableTransactionAction(TableTransactionActionType.Add, Row(specId, n))).ToList(),
        Enumerable.Range(0, events).Select(_ => SpecEventDraft.ForSpec(specId, SpecEventTypes.StatusChanged)).ToList());

    private static TableEntity Row(string specId, int n) => new(specId, $"test|{n:D4}") { ["kind"] = "test", ["value"] = $"row {n}" };

    private async Task<List<TableEntity>> RowsAsync(string specId)
    {
        var client = _storage.Get<TableServiceClient>().GetTableClient(_storage.TablePrefix + "Records");
        await client.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>($"PartitionKey eq '{specId}' and kind eq 'test'"))
        {
            rows.Add(row);
        }

        return rows;
    }

    public void Dispose() => _storage.Dispose();
}
