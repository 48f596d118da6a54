using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableWorkTaskRepositoryTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private IWorkTaskRepository Tasks => _storage.Get<IWorkTaskRepository>();

    private ISpecTaskRepository SpecTasks => _storage.Get<ISpecTaskRepository>();

    [Fact]
    public async Task CreateManyAsync_250Tasks_CreatesEachOnceAndLinksItsSpecTask()
    {
        var specId = await SeedSpecTasksAsync(250);
        var tasks = Enumerable.Range(1, 250).Select(n => TestRecords.WorkTask(specId, n, n > 1 ? [n - 1] : [])).ToList();

        var first = await Tasks.CreateManyAsync(specId, tasks, SpecTaskStatus.InProgress, t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated), CancellationToken.None);
        var second = await Tasks.CreateManyAsync(specId, tasks, SpecTaskStatus.InProgress, t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated), CancellationToken.None);

        Assert.Equal(250, first.Count);
        Assert.Empty(second);
        var stored = await Tasks.ListAsync(specId, CancellationToken.None);
        Assert.Equal(250, stored.Count);
        Assert.All(stored, t => Assert.Equal(specId, t.SpecId));
        Assert.Equal([RecordIds.WorkTask(specId, "TSK-009")], stored.Single(t => t.Id == RecordIds.WorkTask(specId, "TSK-010")).DependsOn);
        Assert.All(await SpecTasks.ListAsync(specId, CancellationToken.None), st =>
        {
            Assert.Equal(SpecTaskStatus.InProgress, st.Status);
            Assert.Equal(RecordIds.WorkTask(specId, st.Key), st.WorkTaskId);
        });
        var events = await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task UpdateAsync_TaskCompletes_MovesItsSpecTaskAndAppendsTheEventAtomically()
    {
        var specId = await SeedSpecTasksAsync(1);
        var task = TestRecords.WorkTask(specId, 1);
        await Tasks.CreateManyAsync(specId, [task], SpecTaskStatus.InProgress, null, CancellationToken.None);
        await Tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Assigned }, null, null, CancellationToken.None);
        await Tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Running }, null, null, CancellationToken.None);
        await Tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.PendingValidation }, null, null, CancellationToken.None);
        await Tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Validating }, null, null, CancellationToken.None);

        var done = await Tasks.UpdateAsync(
            task.Id,
            t => t with { Status = WorkTaskStatus.Completed, Result = new WorkTaskResult { ExitCode = 0, ChecksPassed = true, CostUsd = 0.25m } },
            _ => SpecTaskStatus.Completed,
            (_, after) => [SpecEventDraft.ForTask(after.Id, SpecEventTypes.TaskCompleted)],
            CancellationToken.None);

        Assert.Equal(WorkTaskStatus.Completed, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Status);
        Assert.Equal(0.25m, done.Result!.CostUsd);
        Assert.Equal(SpecTaskStatus.Completed, (await SpecTasks.GetAsync(task.SpecTaskId, CancellationToken.None)).Status);
        Assert.Equal(SpecEventTypes.TaskCompleted, Assert.Single(await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 10, CancellationToken.None)).Type);
    }

    [Fact]
    public async Task UpdateAsync_IllegalSpecTaskMove_WritesNeitherRecord()
    {
        var specId = await SeedSpecTasksAsync(1);
        var task = TestRecords.WorkTask(specId, 1);
        await Tasks.CreateManyAsync(specId, [task], SpecTaskStatus.InProgress, null, CancellationToken.None);
        var specTask = await SpecTasks.GetAsync(task.SpecTaskId, CancellationToken.None);
        await SpecTasks.UpsertAsync(specId, [specTask with { Status = SpecTaskStatus.Completed }], CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => Tasks.UpdateAsync(
            task.Id, t => t with { Status = WorkTaskStatus.Assigned }, _ => SpecTaskStatus.InProgress, null, CancellationToken.None));

        Assert.Equal("SpecTask", error.Entity);
        Assert.Equal(WorkTaskStatus.Pending, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentChangesFromTwoProcesses_AllLand()
    {
        var specId = await SeedSpecTasksAsync(1);
        var task = TestRecords.WorkTask(specId, 1);
        await Tasks.CreateManyAsync(specId, [task], SpecTaskStatus.InProgress, null, CancellationToken.None);
        using var other = _storage.SecondProcess();
        var otherTasks = other.Get<IWorkTaskRepository>();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? Tasks : otherTasks).UpdateAsync(
            task.Id, t => t with { Attempts = t.Attempts + 1 }, null, null, CancellationToken.None)));

        Assert.Equal(10, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Attempts);
    }

    [Fact]
    public async Task CreateManyAsync_SpecTaskMissing_ThrowsNotFoundAndCreatesNothing()
    {
        var specId = await SeedSpecTasksAsync(1);
        var orphan = TestRecords.WorkTask(specId, 2);

        await Assert.ThrowsAsync<NotFoundException>(() => Tasks.CreateManyAsync(specId, [orphan], SpecTaskStatus.InProgress, null, CancellationToken.None));

        Assert.Empty(await Tasks.ListAsync(specId, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_HeldRecords_AppliesTheChangeAndMovesTheSpecTask()
    {
        var (task, specTask) = await SeedBridgedTaskAsync();

        var assigned = await Tasks.UpdateAsync(task, specTask, t => t with { Status = WorkTaskStatus.Assigned }, _ => SpecTaskStatus.Blocked, null, CancellationToken.None);

        Assert.Equal(WorkTaskStatus.Assigned, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Status);
        Assert.Equal(SpecTaskStatus.Blocked, (await SpecTasks.GetAsync(task.SpecTaskId, CancellationToken.None)).Status);
        Assert.NotEqual(task.Version, assigned.Version);
    }

    [Fact]
    public async Task UpdateAsync_HeldTaskIsOutOfDate_AppliesTheChangeToTheStoredOne()
    {
        var (task, specTask) = await SeedBridgedTaskAsync();
        await Tasks.UpdateAsync(task.Id, t => t with { Attempts = 5 }, null, null, CancellationToken.None);

        await Tasks.UpdateAsync(task, specTask, t => t with { Attempts = t.Attempts + 1 }, null, null, CancellationToken.None);

        Assert.Equal(6, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Attempts);
    }

    [Fact]
    public async Task UpdateAsync_HeldStatusIsOutOfDate_TheStoredStatusDecidesTheTransition()
    {
        var (task, specTask) = await SeedBridgedTaskAsync();
        await Tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Running }, null, null, CancellationToken.None);

        // Pending → Completed is not allowed, Running → Completed is.
        await Tasks.UpdateAsync(task, specTask, t => t with { Status = WorkTaskStatus.Completed }, _ => SpecTaskStatus.Completed, null, CancellationToken.None);

        Assert.Equal(WorkTaskStatus.Completed, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Status);
        Assert.Equal(SpecTaskStatus.Completed, (await SpecTasks.GetAsync(task.SpecTaskId, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task UpdateAsync_HeldSpecTaskOfAnotherTask_ThrowsArgumentException()
    {
        var (task, _) = await SeedBridgedTaskAsync();
        var other = TestRecords.SpecTask(task.SpecId, 9) with { Version = "W/\"x\"" };

        await Assert.ThrowsAsync<ArgumentException>(() => Tasks.UpdateAsync(task, other, t => t, null, null, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_WithSpecChange_ChangesTheSpecWithTheTaskAndNotWhenTheTaskIsUnchanged()
    {
        var (task, specTask) = await SeedBridgedTaskAsync();
        var specs = _storage.Get<ISpecRepository>();
        await specs.CreateAsync(TestRecords.Spec(task.SpecId, SpecStatus.ExecutingTasks), CancellationToken.None);
        var running = await Tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Running, Attempts = 1 }, null, null, CancellationToken.None);
        Func<WorkTask, WorkTask> verdict = t => t.Status == WorkTaskStatus.Running ? t with { Status = WorkTaskStatus.Completed } : t;

        await Tasks.UpdateAsync(running, specTask, verdict, _ => SpecTaskStatus.Completed, null, CancellationToken.None, s => s with { CostUsd = s.CostUsd + 0.25m });
        await Tasks.UpdateAsync(running, specTask, verdict, _ => SpecTaskStatus.Completed, null, CancellationToken.None, s => s with { CostUsd = s.CostUsd + 0.25m });

        Assert.Equal(WorkTaskStatus.Completed, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Status);
        Assert.Equal(0.25m, (await specs.GetAsync(task.SpecId, CancellationToken.None)).CostUsd);
    }

    [Fact]
    public async Task UpdateAsync_SpecChangedMeanwhile_ReappliesTheSpecChangeOnTheStoredSpec()
    {
        var (task, specTask) = await SeedBridgedTaskAsync();
        var specs = _storage.Get<ISpecRepository>();
        await specs.CreateAsync(TestRecords.Spec(task.SpecId, SpecStatus.ExecutingTasks), CancellationToken.None);
        var racing = 0;

        await Tasks.UpdateAsync(task, specTask, t => t with { Attempts = t.Attempts + 1 }, null, null, CancellationToken.None, s =>
        {
            // Another writer adds its cost between this change's read of the spec and its commit, once.
            if (Interlocked.Increment(ref racing) == 1)
            {
                specs.UpdateAsync(s.Id, other => other with { CostUsd = other.CostUsd + 1m }, null, CancellationToken.None).GetAwaiter().GetResult();
            }

            return s with { CostUsd = s.CostUsd + 0.25m };
        });

        Assert.Equal(1.25m, (await specs.GetAsync(task.SpecId, CancellationToken.None)).CostUsd);
        Assert.Equal(1, (await Tasks.GetAsync(task.Id, CancellationToken.None)).Attempts);
        Assert.Equal(2, racing);
    }

    private async Task<(WorkTask Task, SpecTask SpecTask)> SeedBridgedTaskAsync()
    {
        var specId = await SeedSpecTasksAsync(1);
        var task = TestRecords.WorkTask(specId, 1);
        await Tasks.CreateManyAsync(specId, [task], SpecTaskStatus.InProgress, null, CancellationToken.None);
        return (await Tasks.GetAsync(task.Id, CancellationToken.None), await SpecTasks.GetAsync(task.SpecTaskId, CancellationToken.None));
    }

    private async Task<string> SeedSpecTasksAsync(int count)
    {
        var specId = TestRecords.NewSpecId();
        await SpecTasks.UpsertAsync(specId, Enumerable.Range(1, count).Select(n => TestRecords.SpecTask(specId, n)).ToList(), CancellationToken.None);
        return specId;
    }

    public void Dispose() => _storage.Dispose();
}
