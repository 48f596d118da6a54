using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Planning.Sync;

[Collection(AzuriteGroup.Name)]
public sealed class SyncServiceTests : IDisposable
{
    private readonly ServicesHarness _services = new();

    private SyncService CreateSut() => _services.Get<SyncService>();

    [Fact]
    public async Task SyncAsync_ValidPlan_WritesEveryRecordWithRealIdsAndTheAnalysis()
    {
        var specId = await StoreAsync(PlanBuilder.Requirements(4), PlanBuilder.Tasks(9, 4));

        var output = await CreateSut().SyncAsync(specId, CancellationToken.None);

        Assert.True(output.ReadyForExecution);
        Assert.Equal((4, 12, 9), (output.RequirementsWritten, output.CriteriaWritten, output.TasksWritten));
        var tasks = await _services.Get<ISpecTaskRepository>().ListAsync(specId, CancellationToken.None);
        var third = tasks.Single(t => t.Key == "TSK-003");
        Assert.Equal([RecordIds.SpecTask(specId, "TSK-002")], third.DependsOn);
        Assert.Equal([RecordIds.Requirement(specId, "REQ-GREET-FUNC-003")], third.Requirements);
        Assert.Equal(RecordIds.SpecTask(specId, "TSK-001"), output.TaskIdMap["TSK-001"]);
        Assert.All(output.Coverage, c => Assert.Equal(CoverageLevel.FullyCovered, c.Level));
        Assert.NotEmpty(output.Dependencies.CriticalPath);
        var requirement = (await _services.Get<IRequirementRepository>().ListAsync(specId, CancellationToken.None))[0];
        Assert.Equal(EarsPattern.EventDriven, requirement.Pattern);
    }

    [Fact]
    public async Task SyncAsync_RunTwiceAfterWorkStarted_ChangesNothingAndKeepsStatuses()
    {
        var specId = await StoreAsync(PlanBuilder.Requirements(2), PlanBuilder.Tasks(3, 2));
        await CreateSut().SyncAsync(specId, CancellationToken.None);
        var specTasks = _services.Get<ISpecTaskRepository>();
        var first = (await specTasks.ListAsync(specId, CancellationToken.None))[0];
        await specTasks.UpsertAsync(specId, [first with { Status = SpecTaskStatus.InProgress, WorkTaskId = "task-x" }], CancellationToken.None);

        await CreateSut().SyncAsync(specId, CancellationToken.None);

        var after = await specTasks.ListAsync(specId, CancellationToken.None);
        Assert.Equal(3, after.Count);
        Assert.Equal((SpecTaskStatus.InProgress, "task-x"), (after[0].Status, after[0].WorkTaskId));
        Assert.Equal(2, (await _services.Get<IRequirementRepository>().ListAsync(specId, CancellationToken.None)).Count);
        Assert.Equal(6, (await _services.Get<IRequirementRepository>().ListCriteriaAsync(specId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SyncAsync_CyclicOrDanglingPlan_WritesNothingAndNamesTheBlockers()
    {
        var tasks = PlanBuilder.Tasks(3, 1);
        var broken = tasks with
        {
            Tasks =
            [
                tasks.Tasks[0] with { DependsOn = ["TSK-002"] },
                tasks.Tasks[1] with { DependsOn = ["TSK-001"] },
                tasks.Tasks[2] with { DependsOn = ["TSK-404"] },
            ],
        };
        var specId = await StoreAsync(PlanBuilder.Requirements(1), broken);

        var output = await CreateSut().SyncAsync(specId, CancellationToken.None);

        Assert.False(output.ReadyForExecution);
        Assert.Contains(output.Blockers, b => b.StartsWith("dependency cycle: TSK-00", StringComparison.Ordinal) && b.Contains('→'));
        Assert.Contains("TSK-003 depends on TSK-404, which does not exist", output.Blockers);
        Assert.Empty(await _services.Get<ISpecTaskRepository>().ListAsync(specId, CancellationToken.None));
        Assert.Empty(await _services.Get<IRequirementRepository>().ListAsync(specId, CancellationToken.None));
    }

    private async Task<string> StoreAsync(RequirementsOutput requirements, TasksOutput tasks)
    {
        var specId = TestRecords.NewSpecId();
        await PlanBuilder.StoreAsync(_services.Get<ILargeTextStore>(), specId, requirements, tasks);
        return specId;
    }

    public void Dispose() => _services.Dispose();
}
