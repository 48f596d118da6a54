using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;

namespace OmoiOs.Tests.Support;

/// <summary>The checker every fault test relies on can fail: broken records are reported, each with its spec.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RunInvariantsTests
{
    [Fact]
    public async Task ViolationsAsync_SpecStillRunningWithATaskCompletedTwiceAndCostNotItsAttempts_ReportsEach()
    {
        using var storage = new StorageHarness();
        var spec = await storage.Get<ISpecRepository>().CreateAsync(TestRecords.Spec(status: SpecStatus.ExecutingTasks) with { CostUsd = 1.00m }, CancellationToken.None);
        await storage.Get<ISpecTaskRepository>().UpsertAsync(spec.Id, [TestRecords.SpecTask(spec.Id, 1)], CancellationToken.None);
        var task = TestRecords.WorkTask(spec.Id, 1) with { Status = WorkTaskStatus.Completed };
        await storage.Get<IWorkTaskRepository>().CreateManyAsync(spec.Id, [task], SpecTaskStatus.InProgress, t => SpecEventDraft.ForTask(t.Id, SpecEventTypes.TaskCreated), CancellationToken.None);
        var verdict = SpecEventDraft.ForTask(task.Id, SpecEventTypes.TaskCompleted, new JsonObject { ["costUsd"] = 0.25m });
        await storage.Get<ISpecEventRepository>().AppendAsync(spec.Id, [verdict, verdict], CancellationToken.None);
        using var invariants = new RunInvariants("UseDevelopmentStorage=true", storage.TablePrefix);

        var violations = await invariants.ViolationsAsync([spec.Id]);

        Assert.Equal(3, violations.Count);
        Assert.All(violations, v => Assert.StartsWith(spec.Id + ": ", v, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("status executing_tasks is not final", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains($"task {task.Id} (completed) has 2 verdict events, expected 1", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("cost 1.00 is not the sum of its attempts' costs 0.50", StringComparison.Ordinal));
    }
}
