using System.Net;
using System.Text.Json;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>
/// Steering a run over real HTTP on the local server: repeated execute, approval gates (reject, approve, time out),
/// cancel, and the budget; the event log is the witness of what ran.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SpecRunOverHttpTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private static readonly string[] RequirementsGate = ["requirements"];
    private static readonly string[] BothGates = ["requirements", "design"];

    private LocalServerHarness Server => fixture.Harness;

    [Fact]
    public async Task ExecuteSpec_RepeatedWhileRunning_AnswersTheSameInstanceAndRunsOnce()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = RequirementsGate })).GetProperty("id").GetString()!;

        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Server.ExecuteAsync(id)));
        await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "requirements");
        var again = await Server.ExecuteAsync(id);

        Assert.All(first.Append(again), r => Assert.Equal(id, r.GetProperty("id").GetString()));
        var events = await Server.EventsAsync(id);
        Assert.Single(events, e => Is(e, "status_changed") && e.GetProperty("payload").GetProperty("to").GetString() == "planning");
        Assert.Single(events, e => Is(e, "phase_started") && Phase(e) == "explore");
        Assert.Single(events, e => Is(e, "phase_started") && Phase(e) == "requirements");
        Assert.Single(events, e => Is(e, "approval_requested"));
        await CancelAsync(id);
    }

    [Fact]
    public async Task CancelSpec_WhileAwaitingApproval_CancelsThenRefusesASecondCancel()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = RequirementsGate })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "requirements");

        var cancelled = await CancelAsync(id);
        var eventsAfterCancel = await Server.EventsAsync(id);
        using var second = await Server.Client.PostAsync($"specs/{id}/cancel", null);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("pendingApproval").ValueKind);
        Assert.Contains(eventsAfterCancel, e => Is(e, "spec_cancelled"));
        await LocalServerHarness.AssertProblemAsync(second, HttpStatusCode.Conflict);
        using var approve = await Server.Client.PostAsync($"specs/{id}/approve", LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}"));
        await LocalServerHarness.AssertProblemAsync(approve, HttpStatusCode.Conflict);
        Assert.Equal(eventsAfterCancel.Count, (await Server.EventsAsync(id)).Count);
    }

    [Fact]
    public async Task ApproveSpec_RejectThenApprove_RerunsThePhaseWithTheCommentThenCompletes()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = RequirementsGate })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        var waiting = await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "requirements");
        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());

        await ApproveAsync(id, "requirements", approved: false, comment: "Name the error case of an empty greeting.");
        await WaitForEventAsync(id, e => Is(e, "approval_requested"), count: 2);
        await ApproveAsync(id, "requirements", approved: true, comment: null);
        var done = await Server.WaitForStatusAsync(id, "completed", "failed");

        Assert.Equal("completed", done.GetProperty("status").GetString());
        var events = await Server.EventsAsync(id);
        Assert.Equal([1, 2], events.Where(e => Is(e, "phase_started") && Phase(e) == "requirements").Select(e => e.GetProperty("payload").GetProperty("attempt").GetInt32()));
        Assert.Equal(1, events.Count(e => Is(e, "phase_started") && Phase(e) == "design"));
        var decisions = events.Where(e => Is(e, "approval_received")).Select(e => e.GetProperty("payload")).ToList();
        Assert.Equal([false, true], decisions.Select(d => d.GetProperty("approved").GetBoolean()));
        Assert.Equal("Name the error case of an empty greeting.", decisions[0].GetProperty("comment").GetString());
        var rerun = events.FindIndex(e => Is(e, "phase_started") && Phase(e) == "requirements" && e.GetProperty("payload").GetProperty("attempt").GetInt32() == 2);
        Assert.True(rerun > events.FindIndex(e => Is(e, "approval_received")), "the phase re-ran after the rejection");
    }

    /// <summary>What the requirements gate asks to approve is readable before SYNC has stored it, under the ids SYNC then gives.</summary>
    [Fact]
    public async Task ListRequirements_AwaitingRequirementsApproval_ServesThePlannedOnesUnderTheIdsSyncGives()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = RequirementsGate })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "requirements");

        var atGate = (await Server.GetJsonAsync($"specs/{id}/requirements")).GetProperty("items").EnumerateArray().ToList();
        await ApproveAsync(id, "requirements", approved: true, comment: null);
        await Server.WaitForStatusAsync(id, "completed", "failed");
        var synced = (await Server.GetJsonAsync($"specs/{id}/requirements")).GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(atGate);
        Assert.All(atGate, r => Assert.StartsWith("REQ-", r.GetProperty("key").GetString(), StringComparison.Ordinal));
        Assert.All(atGate, r => Assert.All(r.GetProperty("acceptanceCriteria").EnumerateArray(), c => Assert.False(c.GetProperty("completed").GetBoolean())));
        Assert.Equal(Ids(synced), Ids(atGate));
        Assert.Equal(synced.Select(r => r.GetProperty("pattern").GetString()), atGate.Select(r => r.GetProperty("pattern").GetString()));

        static IEnumerable<string> Ids(List<JsonElement> requirements) => requirements
            .SelectMany(r => r.GetProperty("acceptanceCriteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Prepend(r.GetProperty("id").GetString()!))
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public async Task ApproveSpec_TwiceAtOnce_AcceptsOneAndTheNextGateStillWaitsForItsOwn()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = BothGates })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "requirements");

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await Server.Client.PostAsync($"specs/{id}/approve", LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}"));
            return response.StatusCode;
        }));
        var atDesign = await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "design" || s.GetProperty("status").GetString() is not ("awaiting_approval" or "planning"));
        await ApproveAsync(id, "design", approved: true, comment: "design looks right");
        await Server.WaitForStatusAsync(id, "completed", "failed");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], answers.Order());
        Assert.Equal("awaiting_approval", atDesign.GetProperty("status").GetString());
        var decisions = (await Server.EventsAsync(id)).Where(e => Is(e, "approval_received")).Select(e => e.GetProperty("payload")).ToList();
        Assert.Equal(["requirements", "design"], decisions.Select(d => d.GetProperty("gate").GetString()));
        Assert.Equal("design looks right", decisions[1].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task ApprovalTimeout_NoDecision_FailsTheSpecNamingTheGate()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = RequirementsGate, approvalTimeoutSeconds = 1 })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);

        var failed = await Server.WaitForStatusAsync(id, "failed", "completed");

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("approval of requirements timed out", failed.GetProperty("failureReason").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("pendingApproval").ValueKind);
        Assert.DoesNotContain(await Server.EventsAsync(id), e => Is(e, "phase_started") && Phase(e) == "design");
        using var approve = await Server.Client.PostAsync($"specs/{id}/approve", LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}"));
        await LocalServerHarness.AssertProblemAsync(approve, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BudgetUsd_AgentReportsCost_StopsSchedulingAndFailsAsBudgetExhausted()
    {
        // The agent says it spent $0.50 on each task.
        var id = (await Server.CreateSpecAsync(new { budgetUsd = 0.4, maxParallelTasks = 1, agent = LocalServerHarness.CostlyAgent })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);

        var failed = await Server.WaitForStatusAsync(id, "failed", "completed");
        var status = await Server.GetJsonAsync($"specs/{id}/execution-status");

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("budget_exhausted", failed.GetProperty("failureReason").GetString());
        Assert.Equal(0.5m, failed.GetProperty("costUsd").GetDecimal());
        Assert.Equal(1, status.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Equal(status.GetProperty("total").GetInt32() - 1, status.GetProperty("counts").GetProperty("pending").GetInt32());
        Assert.Single(await Server.EventsAsync(id), e => Is(e, "task_started"));
    }

    private static bool Is(JsonElement e, string type) => e.GetProperty("type").GetString() == type;

    private static string? Phase(JsonElement e) => e.GetProperty("payload").TryGetProperty("phase", out var phase) ? phase.GetString() : null;

    private async Task ApproveAsync(string id, string gate, bool approved, string? comment)
    {
        var body = JsonSerializer.Serialize(new { gate, approved, comment });
        using var response = await Server.Client.PostAsync($"specs/{id}/approve", LocalServerHarness.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"approve answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> CancelAsync(string id)
    {
        using var response = await Server.Client.PostAsync($"specs/{id}/cancel", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"cancel answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await LocalServerHarness.ReadJsonAsync(response);
    }

    private async Task WaitForEventAsync(string id, Func<JsonElement, bool> match, int count)
    {
        var deadline = DateTimeOffset.UtcNow + LocalServerHarness.StateDeadline;
        while ((await Server.EventsAsync(id)).Count(match) < count)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"spec {id} did not log the event {count} times within {LocalServerHarness.StateDeadline}");
            await Task.Delay(100);
        }
    }
}
