using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Workflow.Activities;

[Collection(AzuriteGroup.Name)]
public sealed class RunTaskAttemptActivityTests : IDisposable
{
    private readonly WorkflowHarness _harness = new();

    private RunTaskAttemptActivity Activity => _harness.Get<RunTaskAttemptActivity>();

    [Fact]
    public async Task RunAsync_AgentCompletes_RecordsTaskSpecTaskLogAndEvents()
    {
        var (spec, tasks) = await BridgedAsync(tasks: 1);

        var result = await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null, "run-1"), CancellationToken.None);

        Assert.Equal(WorkTaskStatus.Completed, result.Status);
        var stored = await _harness.Get<IWorkTaskRepository>().GetAsync(tasks[0].Id, CancellationToken.None);
        Assert.Equal(WorkTaskStatus.Completed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(SpecTaskStatus.Completed, (await _harness.Get<ISpecTaskRepository>().GetAsync(stored.SpecTaskId, CancellationToken.None)).Status);
        Assert.Equal($"ran {stored.Id}\n", await _harness.Get<ILargeTextStore>().ReadAsync(spec.Id, stored.Result!.LogKey!, CancellationToken.None));
        var events = await _harness.Get<ISpecEventRepository>().ListAsync(spec.Id, 0, 1000, CancellationToken.None);
        Assert.Equal([SpecEventTypes.TaskStarted, SpecEventTypes.TaskCompleted], events.Where(e => e.EntityId == stored.Id && e.Type != SpecEventTypes.TaskCreated).Select(e => e.Type));
    }

    [Theory]
    [InlineData(true, WorkTaskStatus.NeedsRevision)]
    [InlineData(false, WorkTaskStatus.Failed)]
    public async Task RunAsync_AttemptFailedWithRetriesLeft_RetriedOnlyWhenAnotherAttemptCouldHelp(bool retryable, WorkTaskStatus expected)
    {
        var (spec, tasks) = await BridgedAsync(tasks: 1);
        _harness.Runner.Answer = _ => new TaskRunOutcome(TaskRunVerdict.Failed, new WorkTaskResult(), null, "The setup step failed (exit 2).", "setup failed\n") { Retryable = retryable };

        var result = await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null, "run-1"), CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal("The setup step failed (exit 2).", result.Error);
        Assert.True(tasks[0].MaxRetries > 0);
    }

    [Fact]
    public async Task RunAsync_TaskAlreadyCompleted_AnswersFromTheRecordWithoutRunningTheAgent()
    {
        var (spec, tasks) = await BridgedAsync(tasks: 1);
        await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null, "run-1"), CancellationToken.None);

        var again = await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null, "run-1"), CancellationToken.None);

        Assert.Equal(WorkTaskStatus.Completed, again.Status);
        Assert.Single(_harness.Runner.Requests);
    }

    [Fact]
    public async Task RunAsync_RequirementsChangedForANewExecution_TheAgentGetsTheNewText()
    {
        var (spec, tasks) = await BridgedAsync(tasks: 2);
        await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null, "run-1"), CancellationToken.None);
        await _harness.StoreRequirementsAsync(spec.Id, 2, "store request");
        await _harness.Get<SyncActivity>().RunAsync(new SyncInput(spec.Id), CancellationToken.None);

        await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[1].Id, 1, null, "run-2"), CancellationToken.None);

        var requests = _harness.Runner.Requests.ToList();
        Assert.Contains("record request", Assert.Single(requests[0].Requirements).Text, StringComparison.Ordinal);
        Assert.Contains("store request", Assert.Single(requests[1].Requirements).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithoutExecutionId_ReadsTheInputsAfresh()
    {
        var (spec, tasks) = await BridgedAsync(tasks: 2);
        await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null), CancellationToken.None);
        await _harness.StoreRequirementsAsync(spec.Id, 2, "store request");
        await _harness.Get<SyncActivity>().RunAsync(new SyncInput(spec.Id), CancellationToken.None);

        await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[1].Id, 1, null), CancellationToken.None);

        Assert.Contains("store request", Assert.Single(_harness.Runner.Requests.ToList()[1].Requirements).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SpecTaskChangedAfterTheExecutionReadIt_StillMovesItToCompletedKeepingTheChange()
    {
        var (spec, tasks) = await BridgedAsync(tasks: 2);
        await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[0].Id, 1, null, "run-1"), CancellationToken.None);
        var specTasks = _harness.Get<ISpecTaskRepository>();
        var specTask = await specTasks.GetAsync(tasks[1].SpecTaskId, CancellationToken.None);
        await specTasks.UpsertAsync(spec.Id, [specTask with { Title = "Renamed meanwhile" }], CancellationToken.None);

        var result = await Activity.RunAsync(new RunTaskAttemptInput(spec.Id, tasks[1].Id, 1, null, "run-1"), CancellationToken.None);

        Assert.Equal(WorkTaskStatus.Completed, result.Status);
        var stored = await specTasks.GetAsync(tasks[1].SpecTaskId, CancellationToken.None);
        Assert.Equal(SpecTaskStatus.Completed, stored.Status);
        Assert.Equal("Renamed meanwhile", stored.Title);
    }

    private async Task<(Spec Spec, IReadOnlyList<WorkTask> Tasks)> BridgedAsync(int tasks)
    {
        var spec = await _harness.SeedPlannedSpecAsync(requirements: tasks, tasks: tasks);
        var bridged = await _harness.Get<ExecutionBridge>().BridgeAsync(spec.Id, null, CancellationToken.None);
        return (spec, bridged.Tasks.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
    }

    public void Dispose() => _harness.Dispose();
}
