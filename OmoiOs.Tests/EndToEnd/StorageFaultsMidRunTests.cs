using System.Text.RegularExpressions;
using OmoiOs.Tests.Support;
using Xunit.Abstractions;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>
/// The storage under a running <c>omoi serve</c> (or <c>omoi run</c>) fails in the middle of EXECUTE, on an Azurite of
/// the test's own (on-disk data in a temporary folder): SIGKILLed and restarted on the same data, restored to an older
/// copy of its data, or unreachable for 30 s behind a proxy. The run resumes and finishes, and the run invariants hold.
/// </summary>
[Trait("Category", "Faults")]
public sealed partial class StorageFaultsMidRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    // After storage is back, messages whose lock could not be renewed during the fault reappear only after the worker
    // takeover (15 s) and a retried activity's backoff: the run resumes within about a minute, not at once, and within
    // more than three when the machine is busy (a CI run on 2026-12-04, beside other runs, had a test of this kind
    // miss a 3-minute deadline).
    private static readonly TimeSpan ResumeDeadline = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task OmoiServe_AzuriteSigkilledMidExecuteAndRestartedWithTheWorker_RunResumesAndFinishes()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var run = await FaultRun.CreateAsync(azurite.Settings.ConnectionString);
        await using var first = await run.StartServeAsync();
        var specId = await run.CreateAndExecuteAsync(first.Client, new { maxParallelTasks = 2 });
        await FaultRun.WaitForTasksAsync(first, specId, FaultRun.MidExecute);

        // A worker that stays up keeps the instance's newer history in its session and cannot checkpoint it on the
        // store Azurite restored (docs/reliability.md); the one that replaces it replays from what was kept.
        await azurite.KillAsync();
        await first.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await azurite.RestartAsync();
        await using var server = await run.StartServeAsync();

        var spec = await FinalAsync(server, specId);
        Assert.False(server.HasExited, server.Output);
        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; server said: {server.Output}");
        await run.AssertInvariantsAsync(specId);
    }

    [Fact]
    public async Task OmoiServe_StorageRestoredToAnOlderCopyUnderIt_RestartsItsEngineAndTheRunFinishes()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var run = await FaultRun.CreateAsync(azurite.Settings.ConnectionString);
        await using var server = await run.StartServeAsync();
        var specId = await run.CreateAndExecuteAsync(server.Client, new { maxParallelTasks = 2 });
        await FaultRun.WaitForTasksAsync(server, specId, FaultRun.MidExecute);

        // The copy is at least as old as Azurite's last save; five more seconds of writes are lost for sure, the
        // worker's marker (written every second) among them.
        var copy = azurite.SaveCopy();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await azurite.KillAndRestoreAsync(copy);

        var spec = await FinalAsync(server, specId);
        Assert.False(server.HasExited, server.Output);
        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; server said: {server.Output}");
        Assert.Contains("lost writes it had acknowledged", server.Output, StringComparison.Ordinal);
        Assert.Contains("The workflow engine restarted on a new provider", server.Output, StringComparison.Ordinal);
        await run.AssertInvariantsAsync(specId);
    }

    [Fact]
    public async Task OmoiRun_StorageRestoredToAnOlderCopyUnderIt_RestartsItsEngineAndTheSpecCompletes()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        // Tasks of 3 s, so the run is still executing when storage goes back in time, 5 s after the fault point.
        await using var run = await FaultRun.CreateAsync(azurite.Settings.ConnectionString, agentPause: TimeSpan.FromSeconds(3));
        var specFile = Path.Combine(AppContext.BaseDirectory, "Samples", "specs", "greeting-feature.md");
        await using var command = OmoiCliProcess.Start(run.Settings, run.Root, "run", specFile, "--repo", run.Repository, "--max-parallel", "2");
        await run.WaitForMidExecuteRecordsAsync(command);

        var copy = azurite.SaveCopy();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await azurite.KillAndRestoreAsync(copy);

        var (exitCode, printed) = await command.WaitAsync(ResumeDeadline);
        output.WriteLine(printed);
        Assert.True(exitCode == 0, printed);
        Assert.Contains("lost writes it had acknowledged", printed, StringComparison.Ordinal);
        Assert.Contains("The workflow engine restarted on a new provider", printed, StringComparison.Ordinal);
        await run.AssertInvariantsAsync(SpecId().Match(printed).Value);
    }

    [Fact]
    public async Task OmoiServe_StorageUnreachableFor30sMidExecute_LogsClearErrorsAndFinishesWhenItIsBack()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var blob = new CuttableTcpProxy(azurite.Settings.BlobPort);
        await using var queue = new CuttableTcpProxy(azurite.Settings.QueuePort);
        await using var table = new CuttableTcpProxy(azurite.Settings.TablePort);
        CuttableTcpProxy[] proxies = [blob, queue, table];
        var throughProxies = azurite.Settings with { BlobPort = blob.Port, QueuePort = queue.Port, TablePort = table.Port };
        await using var run = await FaultRun.CreateAsync(throughProxies.ConnectionString);
        await using var server = await run.StartServeAsync();
        var specId = await run.CreateAndExecuteAsync(server.Client, new { maxParallelTasks = 2 });
        await FaultRun.WaitForTasksAsync(server, specId, FaultRun.MidExecute);

        foreach (var proxy in proxies)
        {
            proxy.CutEverything();
        }

        await Task.Delay(Outage);
        var duringOutage = server.Output;
        Assert.False(server.HasExited, duringOutage);
        foreach (var proxy in proxies)
        {
            proxy.Restore();
        }

        var back = DateTimeOffset.UtcNow;

        var spec = await FinalAsync(server, specId);
        Assert.False(server.HasExited, server.Output);
        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; server said: {server.Output}");
        output.WriteLine($"finished {DateTimeOffset.UtcNow - back:mm\\:ss} after storage came back");
        Assert.Contains($"Storage at http://127.0.0.1:{table.Port} does not answer", duringOutage, StringComparison.Ordinal);
        Assert.Contains($"Storage at http://127.0.0.1:{table.Port} answers again", server.Output, StringComparison.Ordinal);
        await run.AssertInvariantsAsync(specId);
    }

    private async Task<System.Text.Json.JsonElement> FinalAsync(OmoiServeProcess server, string specId)
    {
        try
        {
            return await LocalServerHarness.WaitForSpecAsync(server.Client, specId, s => s.GetProperty("status").GetString() is "completed" or "failed", ResumeDeadline);
        }
        finally
        {
            output.WriteLine(server.Output);
        }
    }

    [GeneratedRegex("spec-[0-9a-f]{12}")]
    private static partial Regex SpecId();
}
