using System.Text.Json;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>
/// The engine's promise, tested on real <c>omoi serve</c> processes working one task hub: SIGKILL one in the middle of a
/// run, and the spec finishes (on a restarted worker, or on the other worker of the hub) with every task run to completion
/// once as far as the records, the event log and the repository show — no duplicate ticket, task, event or merge, no gap.
/// </summary>
[Collection(AzuriteGroup.Name)]
[Trait("Category", "Faults")]
public sealed class KillAndRestartTests : IAsyncLifetime
{
    private static readonly string[] RequirementsGate = ["requirements"];

    private FaultRun _run = null!;

    public async Task InitializeAsync() => _run = await FaultRun.CreateAsync();

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task OmoiServe_KilledMidExecute_RestartRunsEveryTaskToCompletionOnce()
    {
        string specId;
        List<JsonElement> doneBeforeKill;
        await using (var first = await _run.StartServeAsync())
        {
            specId = await _run.CreateAndExecuteAsync(first.Client, new { maxParallelTasks = 2 });
            doneBeforeKill = await FaultRun.WaitForTasksAsync(first, specId, FaultRun.MidExecute);
            await first.KillAsync();
        }

        await using var second = await _run.StartServeAsync();
        var spec = await LocalServerHarness.WaitForSpecAsync(second.Client, specId, s => s.GetProperty("status").GetString() is "completed" or "failed");

        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; server said: {second.Output}");
        var tasks = await AssertCompletedOnceAsync(second.Client, specId);
        foreach (var before in doneBeforeKill)
        {
            // A task completed before the kill was not run again: its record is the one it had.
            var after = tasks.Single(t => t.GetProperty("id").GetString() == before.GetProperty("id").GetString());
            Assert.Equal(before.GetProperty("completedAt").GetString(), after.GetProperty("completedAt").GetString());
            Assert.Equal(before.GetProperty("result").GetProperty("mergedCommit").GetString(), after.GetProperty("result").GetProperty("mergedCommit").GetString());
        }

        await AssertMergedOnceAsync(specId, tasks.Count);
    }

    [Fact]
    public async Task TwoWorkersOnOneHub_OneKilledMidExecute_TheOtherRunsEveryTaskToCompletionOnce()
    {
        await using var survivor = await _run.StartServeAsync();
        string specId;
        await using (var victim = await _run.StartServeAsync())
        {
            specId = await _run.CreateAndExecuteAsync(victim.Client, new { maxParallelTasks = 2 });
            await FaultRun.WaitForTasksAsync(victim, specId, FaultRun.MidExecute);
            await victim.KillAsync();
        }

        var spec = await LocalServerHarness.WaitForSpecAsync(survivor.Client, specId, s => s.GetProperty("status").GetString() is "completed" or "failed");

        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; the surviving worker said: {survivor.Output}");
        var tasks = await AssertCompletedOnceAsync(survivor.Client, specId);
        await AssertMergedOnceAsync(specId, tasks.Count);
    }

    [Fact]
    public async Task OmoiServe_KilledWhileAwaitingApproval_RestartWaitsOnAndCompletesAfterApproval()
    {
        string specId;
        await using (var first = await _run.StartServeAsync())
        {
            specId = await _run.CreateAndExecuteAsync(first.Client, new { requireApproval = RequirementsGate });
            await LocalServerHarness.WaitForSpecAsync(first.Client, specId, s => s.GetProperty("pendingApproval").GetString() == "requirements");
            await first.KillAsync();
        }

        await using var second = await _run.StartServeAsync();
        using (var approve = await second.Client.PostAsync($"specs/{specId}/approve", LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}")))
        {
            Assert.True(approve.IsSuccessStatusCode, $"approve after the restart answered {(int)approve.StatusCode}: {await approve.Content.ReadAsStringAsync()}");
        }

        var spec = await LocalServerHarness.WaitForSpecAsync(second.Client, specId, s => s.GetProperty("status").GetString() is "completed" or "failed");

        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; server said: {second.Output}");
        var tasks = await AssertCompletedOnceAsync(second.Client, specId);
        var events = await LocalServerHarness.EventsAsync(second.Client, specId);
        Assert.Single(events, e => Type(e) == "approval_requested");
        Assert.Single(events, e => Type(e) == "approval_received");
        await AssertMergedOnceAsync(specId, tasks.Count);
    }

    [Fact]
    public async Task OmoiServe_KilledDuringPlanning_RestartPlansEachPhaseOnceAndCompletes()
    {
        string specId;
        await using (var first = await _run.StartServeAsync())
        {
            specId = await _run.CreateAndExecuteAsync(first.Client, options: null);
            await first.KillAsync();
        }

        await using var second = await _run.StartServeAsync();
        var spec = await LocalServerHarness.WaitForSpecAsync(second.Client, specId, s => s.GetProperty("status").GetString() is "completed" or "failed");

        Assert.True(spec.GetProperty("status").GetString() == "completed", $"spec ended {spec}; server said: {second.Output}");
        var tasks = await AssertCompletedOnceAsync(second.Client, specId);
        await AssertMergedOnceAsync(specId, tasks.Count);
    }

    private static string? Type(JsonElement e) => e.GetProperty("type").GetString();

    /// <summary>
    /// The run invariants (<see cref="RunInvariants"/>), and beyond them what this clean agent promises: one ticket, one
    /// completed task per spec task, each started once in its first attempt, each planning phase run once.
    /// </summary>
    private async Task<List<JsonElement>> AssertCompletedOnceAsync(HttpClient client, string specId)
    {
        await _run.AssertInvariantsAsync(specId);

        using var specTasksResponse = await client.GetAsync($"specs/{specId}/tasks");
        using var ticketsResponse = await client.GetAsync($"tickets?specId={specId}");
        using var tasksResponse = await client.GetAsync($"tasks?specId={specId}");
        var specTasks = (await LocalServerHarness.ReadJsonAsync(specTasksResponse)).GetProperty("items").EnumerateArray().ToList();
        var tickets = (await LocalServerHarness.ReadJsonAsync(ticketsResponse)).GetProperty("items").EnumerateArray().ToList();
        var tasks = (await LocalServerHarness.ReadJsonAsync(tasksResponse)).GetProperty("items").EnumerateArray().ToList();
        var events = await LocalServerHarness.EventsAsync(client, specId);

        Assert.Single(tickets);
        Assert.NotEmpty(specTasks);
        Assert.Equal(specTasks.Count, tasks.Count);
        Assert.All(specTasks, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
        Assert.All(tasks, t =>
        {
            Assert.Equal("completed", t.GetProperty("status").GetString());
            Assert.Equal(1, t.GetProperty("attempts").GetInt32());
            Assert.Single(events, e => Type(e) == "task_started" && e.GetProperty("entityId").GetString() == t.GetProperty("id").GetString());
        });

        foreach (var once in new[] { "spec_created", "ticket_created", "execution_started", "execution_completed", "sync_completed" })
        {
            Assert.True(events.Count(e => Type(e) == once) == 1, $"{events.Count(e => Type(e) == once)} {once} events");
        }

        foreach (var phase in new[] { "explore", "requirements", "design", "tasks" })
        {
            Assert.Single(events, e => Type(e) == "phase_started" && e.GetProperty("payload").GetProperty("phase").GetString() == phase);
        }

        return tasks;
    }

    /// <summary>The agent's side effects: every task is merged (at most once, <see cref="RunInvariants"/>) and its file says attempt 1.</summary>
    private async Task AssertMergedOnceAsync(string specId, int taskCount)
    {
        var branch = $"omoi/{specId}";
        var merges = (await SampleRepository.GitAsync(_run.Repository, CancellationToken.None, "log", "--merges", "--format=%s", branch))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(taskCount, merges.Length);
        for (var n = 1; n <= taskCount; n++)
        {
            var key = $"TSK-{n:000}";
            var content = await SampleRepository.GitAsync(_run.Repository, CancellationToken.None, "show", $"{branch}:omoi-{key}.txt");
            Assert.Equal($"{key} attempt 1", content.Trim());
        }
    }
}
