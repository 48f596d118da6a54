using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.LocalDev;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Tests.Support;
using Xunit.Abstractions;

namespace OmoiOs.Tests.Infrastructure.Storage;

/// <summary>
/// The storage layer under faults, each on an Azurite of its own: storage cut off in the middle of an operation (through
/// a proxy that severs connections at a chosen request), and Azurite stopped gracefully or SIGKILLed and restarted.
/// </summary>
[Trait("Category", "Faults")]
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    private const int Tasks = 30;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UpdateAsync_StorageCutAtTheTransaction_FailsAsUnavailableAndTheChangeIsWholeOrAbsent(bool requestArrives)
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var proxy = new CuttableTcpProxy(azurite.Settings.TablePort);
        using var storage = Through(proxy, azurite);
        var (specId, task) = await SeedValidatingTaskAsync(storage);
        proxy.CutAt = "$batch";
        proxy.ForwardTheCutRequest = requestArrives;

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.Get<IWorkTaskRepository>().UpdateAsync(
            task.Id,
            t => t with { Status = WorkTaskStatus.Completed },
            _ => SpecTaskStatus.Completed,
            (_, after) => [SpecEventDraft.ForTask(after.Id, SpecEventTypes.TaskCompleted)],
            CancellationToken.None));

        Assert.Contains($"127.0.0.1:{proxy.Port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, storage.Get<SpecPartitionWriter>().LiveRecordLocks);
        using var direct = Direct(azurite, storage.TablePrefix);
        var stored = await direct.Get<IWorkTaskRepository>().GetAsync(task.Id, CancellationToken.None);
        var specTask = await direct.Get<ISpecTaskRepository>().GetAsync(task.SpecTaskId, CancellationToken.None);
        var completions = (await EventsAsync(direct, specId)).Count(e => e.Type == SpecEventTypes.TaskCompleted);
        // A transaction that never arrived changed nothing; one that arrived (its answer lost) changed all three rows.
        var expected = requestArrives ? (WorkTaskStatus.Completed, SpecTaskStatus.Completed, 1) : (WorkTaskStatus.Validating, SpecTaskStatus.InProgress, 0);
        Assert.Equal(expected, (stored.Status, specTask.Status, completions));
    }

    [Fact]
    public async Task CreateManyAsync_StorageCutMidway_KeepsWholeTransactionsAndARerunCompletesWithoutDuplicates()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var proxy = new CuttableTcpProxy(azurite.Settings.TablePort);
        using var storage = Through(proxy, azurite);
        var specId = TestRecords.NewSpecId();
        await storage.Get<ISpecTaskRepository>().UpsertAsync(specId, Enumerable.Range(1, 250).Select(n => TestRecords.SpecTask(specId, n)).ToList(), CancellationToken.None);
        var tasks = Enumerable.Range(1, 250).Select(n => TestRecords.WorkTask(specId, n)).ToList();
        var repository = storage.Get<IWorkTaskRepository>();
        // 250 tasks go in transactions of 33 (task, spec task link, event); the third never reaches storage.
        proxy.CutAt = "$batch";
        proxy.CutAtOccurrence = 3;

        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            repository.CreateManyAsync(specId, tasks, SpecTaskStatus.InProgress, t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated), CancellationToken.None));

        using (var direct = Direct(azurite, storage.TablePrefix))
        {
            await AssertConsistentAsync(direct, specId, expectedTasks: 66);
        }

        proxy.Restore();
        var rest = await repository.CreateManyAsync(specId, tasks, SpecTaskStatus.InProgress, t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated), CancellationToken.None);

        Assert.Equal(250 - 66, rest.Count);
        using var after = Direct(azurite, storage.TablePrefix);
        await AssertConsistentAsync(after, specId, expectedTasks: 250);
    }

    [Fact]
    public async Task WriteAsync_LongTextOverwriteCutMidway_ReadersKeepTheOldTextWhole()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var proxy = new CuttableTcpProxy(azurite.Settings.TablePort);
        using var storage = Through(proxy, azurite);
        var texts = storage.Get<ILargeTextStore>();
        var specId = TestRecords.NewSpecId();
        // Seven part rows each, written three rows per transaction and the head last: the cut falls between parts.
        var first = new string('a', 4_500_000);
        var second = new string('b', 4_500_000);
        await texts.WriteAsync(specId, "log", first, CancellationToken.None);
        proxy.CutAt = "$batch";
        proxy.CutAtOccurrence = 2;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => texts.WriteAsync(specId, "log", second, CancellationToken.None));

        using (var direct = Direct(azurite, storage.TablePrefix))
        {
            Assert.True(first == await direct.Get<ILargeTextStore>().ReadAsync(specId, "log", CancellationToken.None), "a reader saw a mix of the old and the new text");
        }

        proxy.Restore();
        await texts.WriteAsync(specId, "log", second, CancellationToken.None);
        using var after = Direct(azurite, storage.TablePrefix);
        Assert.True(second == await after.Get<ILargeTextStore>().ReadAsync(specId, "log", CancellationToken.None), "the rewritten text does not read back whole");
    }

    [Fact]
    public async Task AcknowledgedWrites_GracefulStopThenSigkillAndRestart_AreAllReadable()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        var prefix = "F" + Guid.NewGuid().ToString("N")[..12];
        string specId;
        using (var before = Direct(azurite, prefix))
        {
            specId = await SeedTasksAsync(before);
            await MoveAllAsync(before, specId, WorkTaskStatus.Assigned);
        }

        // Acknowledged, then a graceful stop: Azurite saves on SIGTERM, so all of it must survive what follows.
        Assert.Equal(AzuriteStopOutcome.Stopped, (await azurite.StopAsync()).Outcome);
        await azurite.RestartAsync();
        using (var later = Direct(azurite, prefix))
        {
            await MoveAllAsync(later, specId, WorkTaskStatus.Running);
        }

        // No chance to save: what was written since Azurite's last autosave (every 5 s) may be gone.
        await azurite.KillAsync();
        await azurite.RestartAsync();

        using var reread = Direct(azurite, prefix);
        var stored = await reread.Get<IWorkTaskRepository>().ListAsync(specId, CancellationToken.None);
        Assert.Equal(Tasks, stored.Count);
        Assert.All(stored, t => Assert.Contains(t.Status, new[] { WorkTaskStatus.Assigned, WorkTaskStatus.Running }));
        var running = stored.Count(t => t.Status == WorkTaskStatus.Running);
        var events = await EventsAsync(reread, specId);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal((2 * Tasks) + running, events.Count);
        output.WriteLine($"after SIGKILL: {Tasks - running} of {Tasks} acknowledged writes made after the restart were lost; every write before the graceful stop survived");
    }

    private static StorageHarness Through(CuttableTcpProxy proxy, PrivateAzurite azurite) => new(settings: new Dictionary<string, string?>
    {
        ["OMOI_STORAGE"] = (azurite.Settings with { TablePort = proxy.Port }).ConnectionString,
        ["OMOI_STORAGE_TIMEOUT"] = "00:00:02",
        ["OMOI_STORAGE_RETRIES"] = "1",
    });

    private static StorageHarness Direct(PrivateAzurite azurite, string tablePrefix) =>
        new(tablePrefix, new Dictionary<string, string?> { ["OMOI_STORAGE"] = azurite.Settings.ConnectionString });

    private static async Task<(string SpecId, WorkTask Task)> SeedValidatingTaskAsync(StorageHarness storage)
    {
        var specId = TestRecords.NewSpecId();
        await storage.Get<ISpecTaskRepository>().UpsertAsync(specId, [TestRecords.SpecTask(specId, 1)], CancellationToken.None);
        var task = TestRecords.WorkTask(specId, 1);
        var tasks = storage.Get<IWorkTaskRepository>();
        await tasks.CreateManyAsync(specId, [task], SpecTaskStatus.InProgress, null, CancellationToken.None);
        foreach (var status in new[] { WorkTaskStatus.Assigned, WorkTaskStatus.Running, WorkTaskStatus.PendingValidation, WorkTaskStatus.Validating })
        {
            await tasks.UpdateAsync(task.Id, t => t with { Status = status }, null, null, CancellationToken.None);
        }

        return (specId, task);
    }

    private static async Task<string> SeedTasksAsync(StorageHarness storage)
    {
        var specId = TestRecords.NewSpecId();
        await storage.Get<ISpecTaskRepository>().UpsertAsync(specId, Enumerable.Range(1, Tasks).Select(n => TestRecords.SpecTask(specId, n)).ToList(), CancellationToken.None);
        await storage.Get<IWorkTaskRepository>().CreateManyAsync(
            specId,
            Enumerable.Range(1, Tasks).Select(n => TestRecords.WorkTask(specId, n)).ToList(),
            SpecTaskStatus.InProgress,
            t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated),
            CancellationToken.None);
        return specId;
    }

    private static async Task MoveAllAsync(StorageHarness storage, string specId, WorkTaskStatus status)
    {
        var tasks = storage.Get<IWorkTaskRepository>();
        await Task.WhenAll((await tasks.ListAsync(specId, CancellationToken.None)).Select(t => tasks.UpdateAsync(
            t.Id,
            w => w with { Status = status },
            null,
            (_, after) => [SpecEventDraft.ForTask(after.Id, SpecEventTypes.StatusChanged)],
            CancellationToken.None)));
    }

    private static Task<IReadOnlyList<SpecEvent>> EventsAsync(StorageHarness storage, string specId) =>
        storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 10_000, CancellationToken.None);

    /// <summary>Every created task is linked from its spec task and has exactly one creation event, numbered without gaps.</summary>
    private static async Task AssertConsistentAsync(StorageHarness storage, string specId, int expectedTasks)
    {
        var tasks = await storage.Get<IWorkTaskRepository>().ListAsync(specId, CancellationToken.None);
        var linked = (await storage.Get<ISpecTaskRepository>().ListAsync(specId, CancellationToken.None)).Where(s => s.WorkTaskId is not null).ToList();
        var events = await EventsAsync(storage, specId);
        Assert.Equal(expectedTasks, tasks.Count);
        Assert.Equal(tasks.Select(t => t.Id).Order(), linked.Select(s => s.WorkTaskId!).Order());
        Assert.Equal(tasks.Select(t => t.Id).Order(), events.Select(e => e.EntityId).Order());
        Assert.Equal(Enumerable.Range(1, expectedTasks).Select(i => (long)i), events.Select(e => e.Sequence));
    }
}
