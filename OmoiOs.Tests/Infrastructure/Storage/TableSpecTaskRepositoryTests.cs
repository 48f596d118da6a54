using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableSpecTaskRepositoryTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private ISpecTaskRepository SpecTasks => _storage.Get<ISpecTaskRepository>();

    [Fact]
    public async Task UpsertAsync_ThenGet_RoundTripsListsAndEnums()
    {
        var specId = TestRecords.NewSpecId();
        var task = TestRecords.SpecTask(specId, 2, 1) with
        {
            Type = SpecTaskType.Test,
            Priority = Priority.High,
            FilesToCreate = ["src/greeting.py"],
            FilesToModify = ["README.md", "Makefile"],
            Requirements = [RecordIds.Requirement(specId, "REQ-GREET-FUNC-001")],
            AcceptanceCriteria = ["prints hello"],
            EstimatedHours = 2.5,
        };

        await SpecTasks.UpsertAsync(specId, [task], CancellationToken.None);
        var stored = await SpecTasks.GetAsync(task.Id, CancellationToken.None);

        Assert.Equal((task.Key, task.Type, task.Priority, task.EstimatedHours), (stored.Key, stored.Type, stored.Priority, stored.EstimatedHours));
        Assert.Equal(task.DependsOn, stored.DependsOn);
        Assert.Equal(task.FilesToCreate, stored.FilesToCreate);
        Assert.Equal(task.FilesToModify, stored.FilesToModify);
        Assert.Equal(task.Requirements, stored.Requirements);
        Assert.Equal(task.AcceptanceCriteria, stored.AcceptanceCriteria);
    }

    [Fact]
    public async Task UpsertAsync_250TasksTwice_Stores250()
    {
        var specId = TestRecords.NewSpecId();
        var tasks = Enumerable.Range(1, 250).Select(n => TestRecords.SpecTask(specId, n, n > 1 ? [n - 1] : [])).ToList();

        await SpecTasks.UpsertAsync(specId, tasks, CancellationToken.None);
        await SpecTasks.UpsertAsync(specId, tasks, CancellationToken.None);

        var stored = await SpecTasks.ListAsync(specId, CancellationToken.None);
        Assert.Equal(tasks.Select(t => t.Id), stored.Select(t => t.Id));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => SpecTasks.GetAsync(RecordIds.SpecTask(TestRecords.NewSpecId(), "TSK-404"), CancellationToken.None));

        Assert.Equal("SpecTask", error.Kind);
    }

    public void Dispose() => _storage.Dispose();
}
