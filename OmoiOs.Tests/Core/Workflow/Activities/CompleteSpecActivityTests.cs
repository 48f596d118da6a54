using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Workflow.Activities;

[Collection(AzuriteGroup.Name)]
public sealed class CompleteSpecActivityTests : IDisposable
{
    private const string CheckFeedback = "The check `make test` failed (exit 2). The end of its output:\nmake: *** No rule to make target 'test'.  Stop.\n";

    private readonly WorkflowHarness _harness = new();

    private CompleteSpecActivity Activity => _harness.Get<CompleteSpecActivity>();

    [Fact]
    public async Task RunAsync_TaskFailedAndDependantBlocked_FailureReasonNamesTheFailedTaskAndWhy()
    {
        var spec = await ExecutedAsync(failTask: "TSK-001");

        var result = await Activity.RunAsync(new CompleteSpecInput(spec.Id, null), CancellationToken.None);

        const string expected = "TSK-001 failed: The check `make test` failed (exit 2). (1 task(s) failed, 1 blocked, 0 not run)";
        Assert.Equal(expected, result.FailureReason);
        var stored = await _harness.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal((SpecStatus.Failed, expected), (stored.Status, stored.FailureReason));
    }

    [Fact]
    public async Task RunAsync_TaskFailed_SpecEventsCarryTheReasonAndEveryFailedOrBlockedTask()
    {
        var spec = await ExecutedAsync(failTask: "TSK-001");

        await Activity.RunAsync(new CompleteSpecInput(spec.Id, null), CancellationToken.None);

        var events = await _harness.Get<ISpecEventRepository>().ListAsync(spec.Id, 0, 1000, CancellationToken.None);
        var changed = events.Last(e => e.Type == SpecEventTypes.StatusChanged);
        Assert.StartsWith("TSK-001 failed: The check `make test` failed (exit 2).", (string?)changed.Payload["reason"], StringComparison.Ordinal);
        var completed = events.Single(e => e.Type == SpecEventTypes.ExecutionCompleted);
        Assert.Equal((string?)changed.Payload["reason"], (string?)completed.Payload["failureReason"]);
        Assert.Equal(
            ["TSK-001 failed The check `make test` failed (exit 2).", "TSK-004 blocked waits for TSK-001 (failed)"],
            completed.Payload["failures"]!.AsArray().Select(f => $"{f!["key"]} {f["status"]} {f["reason"]}"));
    }

    [Fact]
    public async Task RunAsync_EveryTaskCompleted_NoReason()
    {
        var spec = await ExecutedAsync(failTask: null);

        var result = await Activity.RunAsync(new CompleteSpecInput(spec.Id, null), CancellationToken.None);

        Assert.Equal(("completed", null), (result.Status, result.FailureReason));
    }

    /// <summary>A bridged 4-task spec (TSK-004 depends on TSK-001) whose tasks ran: one failed on its check, its dependant blocked.</summary>
    private async Task<Spec> ExecutedAsync(string? failTask)
    {
        var spec = await _harness.SeedPlannedSpecAsync(requirements: 2, tasks: 4);
        await _harness.Get<ISpecRepository>().UpdateAsync(spec.Id, s => s with { Status = SpecStatus.ExecutingTasks }, null, CancellationToken.None);
        var bridged = await _harness.Get<ExecutionBridge>().BridgeAsync(spec.Id, null, CancellationToken.None);
        var tasks = _harness.Get<IWorkTaskRepository>();
        foreach (var task in bridged.Tasks.Where(t => t.DependsOn.Count == 0))
        {
            var failed = task.Id == RecordIds.WorkTask(spec.Id, failTask ?? "-");
            await tasks.UpdateAsync(task.Id, t => t with { Status = WorkTaskStatus.Running, Attempts = 1 }, null, null, CancellationToken.None);
            await tasks.UpdateAsync(
                task.Id,
                t => failed ? t with { Status = WorkTaskStatus.Failed, Feedback = CheckFeedback } : t with { Status = WorkTaskStatus.Completed },
                t => failed ? SpecTaskStatus.Failed : SpecTaskStatus.Completed,
                null,
                CancellationToken.None);
        }

        var dependant = RecordIds.WorkTask(spec.Id, "TSK-004");
        if (failTask is null)
        {
            await tasks.UpdateAsync(dependant, t => t with { Status = WorkTaskStatus.Running, Attempts = 1 }, null, null, CancellationToken.None);
            await tasks.UpdateAsync(dependant, t => t with { Status = WorkTaskStatus.Completed }, _ => SpecTaskStatus.Completed, null, CancellationToken.None);
        }
        else
        {
            await _harness.Get<BlockTasksActivity>().RunAsync(new BlockTasksInput(spec.Id, RecordIds.WorkTask(spec.Id, failTask), [dependant]), CancellationToken.None);
        }

        return spec;
    }

    public void Dispose() => _harness.Dispose();
}
