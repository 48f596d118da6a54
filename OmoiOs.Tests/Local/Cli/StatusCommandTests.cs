using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Cli;

/// <summary>The real <c>omoi status</c> as a child process on records in Azurite, run from unrelated directories.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StatusCommandTests : IDisposable
{
    private readonly ServicesHarness _services = new();
    private readonly string _root = Directory.CreateTempSubdirectory("omoi-status-").FullName;

    [Fact]
    public async Task Status_FromTwoOtherDirectories_SeesTheSameStoreAndLeavesNothingThere()
    {
        var spec = TestRecords.Spec(TestRecords.NewSpecId());
        await _services.Get<ISpecRepository>().CreateAsync(spec, CancellationToken.None);
        var first = Directory.CreateDirectory(Path.Combine(_root, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_root, "second")).FullName;

        var fromFirst = await OmoiCliProcess.RunAsync(DataHomeSettings(), first, "status", spec.Id);
        var fromSecond = await OmoiCliProcess.RunAsync(DataHomeSettings(), second, "status", spec.Id);

        Assert.Equal((0, true), (fromFirst.ExitCode, fromFirst.Output.Contains(spec.Id, StringComparison.Ordinal)));
        Assert.Equal((0, true), (fromSecond.ExitCode, fromSecond.Output.Contains(spec.Id, StringComparison.Ordinal)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(first));
        Assert.Empty(Directory.EnumerateFileSystemEntries(second));
    }

    [Fact]
    public async Task Status_TaskFailedOnItsCheck_ListsEachFailedOrBlockedTaskWithItsReasonAndOutput()
    {
        var specId = await FailedSpecAsync();

        var (exitCode, output) = await OmoiCliProcess.RunAsync(DataHomeSettings(), _root, "status", specId);

        Assert.True(exitCode == 0, output);
        Assert.Contains("reason: TSK-002 failed: The check `make test` failed (exit 2). (1 task(s) failed, 1 blocked, 0 not run)", output, StringComparison.Ordinal);
        Assert.Contains(
            $"""
                TSK-002 failed: Task 2 (task {RecordIds.WorkTask(specId, "TSK-002")})
                  reason: The check `make test` failed (exit 2).
                  | ============ test session starts ============
                  | FAILED tests/test_calc.py::test_sub - assert 3 == -1
                  | 1 failed, 4 passed in 0.12s
                TSK-003 blocked: Task 3 (task {RecordIds.WorkTask(specId, "TSK-003")})
                  reason: waits for TSK-002 (failed)
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            output,
            StringComparison.Ordinal);
    }

    /// <summary>This test's tables, and a data home of its own (XDG) instead of an <c>OMOI_DATA_DIR</c> the test run may set.</summary>
    private Dictionary<string, string?> DataHomeSettings() => new()
    {
        ["OMOI_DATA_DIR"] = null,
        ["XDG_DATA_HOME"] = Path.Combine(_root, "xdg"),
        ["OMOI_TABLE_PREFIX"] = _services.TablePrefix,
        ["OMOI_STORAGE"] = "UseDevelopmentStorage=true",
    };

    /// <summary>Three tasks (TSK-003 after TSK-002): TSK-001 completed, TSK-002 failed on its check, TSK-003 blocked, the spec completed as failed.</summary>
    private async Task<string> FailedSpecAsync()
    {
        var spec = await _services.Get<ISpecRepository>().CreateAsync(TestRecords.Spec(status: SpecStatus.ExecutingTasks), CancellationToken.None);
        await PlanBuilder.StoreAsync(_services.Get<ILargeTextStore>(), spec.Id, PlanBuilder.Requirements(2), PlanBuilder.Tasks(3, 2));
        Assert.True((await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None)).ReadyForExecution);
        await _services.Get<ExecutionBridge>().BridgeAsync(spec.Id, null, CancellationToken.None);
        var tasks = _services.Get<IWorkTaskRepository>();
        const string feedback = "The check `make test` failed (exit 2). The end of its output:\n============ test session starts ============\nFAILED tests/test_calc.py::test_sub - assert 3 == -1\n1 failed, 4 passed in 0.12s\n";
        foreach (var (key, status) in new[] { ("TSK-001", WorkTaskStatus.Completed), ("TSK-002", WorkTaskStatus.Failed) })
        {
            var id = RecordIds.WorkTask(spec.Id, key);
            await tasks.UpdateAsync(id, t => t with { Status = WorkTaskStatus.Running, Attempts = 1 }, null, null, CancellationToken.None);
            await tasks.UpdateAsync(
                id,
                t => t with { Status = status, Feedback = status == WorkTaskStatus.Failed ? feedback : null },
                _ => status == WorkTaskStatus.Failed ? SpecTaskStatus.Failed : SpecTaskStatus.Completed,
                null,
                CancellationToken.None);
        }

        await _services.Get<BlockTasksActivity>().RunAsync(new BlockTasksInput(spec.Id, RecordIds.WorkTask(spec.Id, "TSK-002"), [RecordIds.WorkTask(spec.Id, "TSK-003")]), CancellationToken.None);
        await _services.Get<CompleteSpecActivity>().RunAsync(new CompleteSpecInput(spec.Id, null), CancellationToken.None);
        return spec.Id;
    }

    public void Dispose()
    {
        _services.Dispose();
        LocalServerHarness.DeleteQuietly(_root);
    }
}
