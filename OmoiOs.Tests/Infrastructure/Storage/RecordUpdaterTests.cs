using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

/// <summary>The one read-modify-write path, through the repositories that use it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RecordUpdaterTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    [Fact]
    public async Task UpdateAsync_ManyRecordsConcurrently_ReleasesEveryRecordLock()
    {
        var specId = TestRecords.NewSpecId();
        var specs = _storage.Get<ISpecRepository>();
        var tasks = _storage.Get<IWorkTaskRepository>();
        await specs.CreateAsync(TestRecords.Spec(specId), CancellationToken.None);
        await _storage.Get<ISpecTaskRepository>().UpsertAsync(specId, Enumerable.Range(1, 300).Select(n => TestRecords.SpecTask(specId, n)).ToList(), CancellationToken.None);
        var created = Enumerable.Range(1, 300).Select(n => TestRecords.WorkTask(specId, n)).ToList();
        await tasks.CreateManyAsync(specId, created, SpecTaskStatus.InProgress, null, CancellationToken.None);

        await Task.WhenAll(created.Select(t => (Task)tasks.UpdateAsync(t.Id, w => w with { Status = WorkTaskStatus.Assigned }, null, null, CancellationToken.None))
            .Concat(Enumerable.Range(0, 20).Select(n => specs.UpdateAsync(specId, s => s with { Progress = n }, null, CancellationToken.None))));

        Assert.All(await tasks.ListAsync(specId, CancellationToken.None), t => Assert.Equal(WorkTaskStatus.Assigned, t.Status));
        Assert.Equal(0, _storage.Get<SpecPartitionWriter>().LiveRecordLocks);
    }

    public void Dispose() => _storage.Dispose();
}
