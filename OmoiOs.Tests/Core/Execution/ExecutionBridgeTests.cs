using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Execution;

[Collection(AzuriteGroup.Name)]
public sealed class ExecutionBridgeTests : IDisposable
{
    private readonly ServicesHarness _services = new();

    private ExecutionBridge CreateSut() => _services.Get<ExecutionBridge>();

    [Fact]
    public async Task BridgeAsync_PlannedSpec_CreatesOneTicketAndOneTaskPerSpecTaskWithRealDependencyIds()
    {
        var specId = await PlannedSpecAsync(taskCount: 6);

        var result = await CreateSut().BridgeAsync(specId, null, CancellationToken.None);

        Assert.Equal((RecordIds.Ticket(specId), 6, 0), (result.TicketId, result.TasksCreated, result.TasksSkipped));
        var ticket = Assert.Single(await _services.Get<ITicketRepository>().ListAsync(specId, CancellationToken.None));
        Assert.Equal(specId, ticket.SpecId);
        var tasks = await _services.Get<IWorkTaskRepository>().ListAsync(specId, CancellationToken.None);
        var third = tasks.Single(t => t.SpecTaskId == RecordIds.SpecTask(specId, "TSK-003"));
        // The reference copied planner keys (TSK-002) here, so dependants never started.
        Assert.Equal([RecordIds.WorkTask(specId, "TSK-002")], third.DependsOn);
        Assert.All(tasks.SelectMany(t => t.DependsOn), d => Assert.Contains(tasks, o => o.Id == d));
        Assert.All(await _services.Get<ISpecTaskRepository>().ListAsync(specId, CancellationToken.None), st =>
        {
            Assert.Equal(SpecTaskStatus.InProgress, st.Status);
            Assert.Equal(RecordIds.WorkTask(specId, st.Key), st.WorkTaskId);
        });
    }

    [Fact]
    public async Task BridgeAsync_PlannedSpec_RecordsTheBranchTheTaskRunnerWorksOn()
    {
        var specId = await PlannedSpecAsync(taskCount: 2);

        await CreateSut().BridgeAsync(specId, null, CancellationToken.None);

        var spec = await _services.Get<ISpecRepository>().GetAsync(specId, CancellationToken.None);
        var specTasks = (await _services.Get<ISpecTaskRepository>().ListAsync(specId, CancellationToken.None)).ToDictionary(t => t.Id);
        Assert.All(await _services.Get<IWorkTaskRepository>().ListAsync(specId, CancellationToken.None), t =>
            Assert.Equal(TaskBranchNames.ForTask(spec, specTasks[t.SpecTaskId]), t.Branch));
        Assert.Contains("-tasks/tsk-001", (await _services.Get<IWorkTaskRepository>().GetAsync(RecordIds.WorkTask(specId, "TSK-001"), CancellationToken.None)).Branch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BridgeAsync_RunTwice_DuplicatesNothing()
    {
        var specId = await PlannedSpecAsync(taskCount: 4);

        await CreateSut().BridgeAsync(specId, null, CancellationToken.None);
        var again = await CreateSut().BridgeAsync(specId, null, CancellationToken.None);

        Assert.Equal((0, 4), (again.TasksCreated, again.TasksSkipped));
        Assert.Single(await _services.Get<ITicketRepository>().ListAsync(specId, CancellationToken.None));
        Assert.Equal(4, (await _services.Get<IWorkTaskRepository>().ListAsync(specId, CancellationToken.None)).Count);
        var created = (await _services.Get<ISpecEventRepository>().ListAsync(specId, 0, 1000, CancellationToken.None)).Count(e => e.Type == SpecEventTypes.TaskCreated);
        Assert.Equal(4, created);
    }

    [Fact]
    public async Task BridgeAsync_SelectionWhoseDependencyIsNeitherSelectedNorDone_FailsNamingTaskIds()
    {
        var specId = await PlannedSpecAsync(taskCount: 3);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            CreateSut().BridgeAsync(specId, [RecordIds.SpecTask(specId, "TSK-003")], CancellationToken.None));

        Assert.Equal("TSK-003 depends on TSK-002, which is neither selected nor completed", Assert.Single(error.Errors["taskIds"]));
        Assert.Empty(await _services.Get<IWorkTaskRepository>().ListAsync(specId, CancellationToken.None));
    }

    [Fact]
    public async Task BridgeAsync_NothingPlanned_IsAConflict()
    {
        var spec = await _services.Get<ISpecRepository>().CreateAsync(TestRecords.Spec(), CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => CreateSut().BridgeAsync(spec.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task BridgeAsync_FailedTask_IsQueuedAgainOnTheNextRun()
    {
        var specId = await PlannedSpecAsync(taskCount: 1);
        await CreateSut().BridgeAsync(specId, null, CancellationToken.None);
        var tasks = _services.Get<IWorkTaskRepository>();
        var task = Assert.Single(await tasks.ListAsync(specId, CancellationToken.None));
        await tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Running, Attempts = 1 }, null, null, CancellationToken.None);
        await tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Failed }, _ => SpecTaskStatus.Failed, null, CancellationToken.None);

        var again = await CreateSut().BridgeAsync(specId, null, CancellationToken.None);

        Assert.Equal(1, again.TasksCreated);
        var requeued = await tasks.GetAsync(task.Id, CancellationToken.None);
        Assert.Equal((WorkTaskStatus.Pending, 0), (requeued.Status, requeued.Attempts));
        Assert.Equal(SpecTaskStatus.InProgress, (await _services.Get<ISpecTaskRepository>().GetAsync(task.SpecTaskId, CancellationToken.None)).Status);
    }

    private async Task<string> PlannedSpecAsync(int taskCount)
    {
        var spec = await _services.Get<ISpecRepository>().CreateAsync(TestRecords.Spec(), CancellationToken.None);
        await PlanBuilder.StoreAsync(_services.Get<ILargeTextStore>(), spec.Id, PlanBuilder.Requirements(2), PlanBuilder.Tasks(taskCount, 2));
        Assert.True((await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None)).ReadyForExecution);
        return spec.Id;
    }

    public void Dispose() => _services.Dispose();
}
