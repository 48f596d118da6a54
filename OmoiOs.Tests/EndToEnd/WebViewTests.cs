using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OmoiOs.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>
/// The web view in Debian's Chromium against the real local server: a spec created through the form, watched to
/// completion with the task graph updating live, approved at a gate, a failing task's reason, a cancel; every step
/// through the page alone. Screenshots go to TestResults/web-view.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WebViewTests(WebViewFixture fixture) : IClassFixture<WebViewFixture>, IAsyncLifetime
{
    private static readonly string[] RequirementsGate = ["requirements"];

    private IPage _page = null!;

    private LocalServerHarness Server => fixture.Harness;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout((float)LocalServerHarness.StateDeadline.TotalMilliseconds);
        _page = await fixture.Chromium.NewPageAsync(Server.Server.BaseAddress);
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    public async Task DisposeAsync()
    {
        var errors = fixture.Chromium.PageErrors[_page];
        await _page.Context.CloseAsync();
        Assert.True(errors.Count == 0, "the page logged errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task CreateForm_ValidSpec_RunsToCompletedWithTheTaskGraphUpdatingLive()
    {
        await _page.GotoAsync("/");
        await _page.EvaluateAsync("() => { window.sameDocument = true; }");
        await CreateThroughFormAsync("Greeting, watched", agent: WebViewFixture.SlowAgent, parallel: 2);
        await _page.GetByRole(AriaRole.Tab, new() { Name = "Tasks" }).ClickAsync();
        await RecordGraphCaptionsAsync();

        await Expect(_page.Locator("#spec-status")).ToHaveAttributeAsync("data-status", "completed");

        var caption = _page.Locator("#graph-caption");
        var total = int.Parse(await caption.GetAttributeAsync("data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 1, $"the graph shows {total} tasks");
        await Expect(caption).ToHaveAttributeAsync("data-completed", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(caption).ToContainTextAsync("Critical path: TSK-");
        await Expect(_page.Locator("article.task[data-status=completed]")).ToHaveCountAsync(total);
        Assert.True(await _page.Locator("#task-graph canvas").CountAsync() > 0, "cytoscape drew the graph");
        var seen = await _page.EvaluateAsync<int[]>("() => window.graphCompleted");
        Assert.Contains(seen, completed => completed > 0 && completed < total);
        Assert.True(await _page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded; it must update in place");
        await Expect(_page.Locator("#event-log li").Last).ToContainTextAsync("execution completed");
        await SystemChromium.ScreenshotAsync(_page, "spec-completed");
    }

    [Fact]
    public async Task CreateForm_InvalidFields_ShowsEachProblemBesideItsFieldAndCreatesNothing()
    {
        var before = await Server.SpecIdsAsync();
        await _page.GotoAsync("/#/new");
        await _page.GetByLabel("Description").FillAsync("A greeting.");
        await _page.GetByLabel("Repository").FillAsync(Server.Repository);
        await _page.GetByText("Options", new() { Exact = true }).ClickAsync();
        await _page.GetByLabel("Tasks at once").FillAsync("0");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Create spec" }).ClickAsync();

        await Expect(_page.Locator("#f-title-error")).ToHaveTextAsync("is required.");
        await Expect(_page.Locator("#f-maxParallelTasks-error")).ToContainTextAsync("between 1 and 64");
        await Expect(_page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_page.GetByLabel("Tasks at once")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_page.GetByLabel("Description")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_page.Locator("#create-errors")).ToContainTextAsync("options.maxParallelTasks");
        Assert.Equal(before, await Server.SpecIdsAsync());
        await SystemChromium.ScreenshotAsync(_page, "create-form-errors");
    }

    [Fact]
    public async Task ApprovalGate_ApprovedFromThePage_ShowsWhatIsApprovedThenCompletes()
    {
        await _page.GotoAsync("/#/new");
        var id = await CreateThroughFormAsync("Greeting, approved", gates: ["requirements"]);

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Approval needed: requirements" })).ToBeVisibleAsync();
        await Expect(_page.Locator("#approval-items li").First).ToContainTextAsync("REQ-");
        var shown = await _page.Locator("#approval-items li").CountAsync();
        var requirements = (await Server.GetJsonAsync($"specs/{id}/requirements")).GetProperty("items").GetArrayLength();
        Assert.Equal(requirements, shown);
        await Expect(_page.Locator("#approval-subject .draft-note")).ToContainTextAsync("Draft");
        await SystemChromium.ScreenshotAsync(_page, "approval-gate");
        await _page.GetByLabel("Comment").FillAsync("Looks right.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Approve requirements" }).ClickAsync();

        await Expect(_page.Locator("#spec-status")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(_page.Locator("#approval")).ToBeHiddenAsync();
        var decision = (await Server.EventsAsync(id)).Single(e => e.GetProperty("type").GetString() == "approval_received").GetProperty("payload");
        Assert.True(decision.GetProperty("approved").GetBoolean());
        Assert.Equal("Looks right.", decision.GetProperty("comment").GetString());
        await _page.GetByRole(AriaRole.Tab, new() { Name = "Requirements" }).ClickAsync();
        await Expect(_page.Locator("article.requirement").First).ToContainTextAsync("EARS:");
        await Expect(_page.Locator("#panel-requirements .draft-note")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FailingTask_OnTheTasksTab_ShowsWhyItFailed()
    {
        await _page.GotoAsync("/#/new");
        await CreateThroughFormAsync("Greeting, failing", agent: WebViewFixture.FailingAgent, retries: 0);

        await Expect(_page.Locator("#spec-status")).ToHaveAttributeAsync("data-status", "failed");
        await Expect(_page.Locator("#failure-reason")).Not.ToBeEmptyAsync();
        await _page.GetByRole(AriaRole.Tab, new() { Name = "Tasks" }).ClickAsync();
        var failed = _page.Locator("article.task[data-status=failed]").First;
        await failed.GetByText("Why it failed").ClickAsync();

        await Expect(failed.Locator("details.failure pre")).ToContainTextAsync("NameError: name is not defined");
        await Expect(failed.Locator("details.failure pre")).ToContainTextAsync("exited with code 3");
        await SystemChromium.ScreenshotAsync(_page, "failing-task");
    }

    [Fact]
    public async Task CancelButton_WhileTheRunWaitsAtAGate_CancelsTheSpec()
    {
        await _page.GotoAsync("/#/new");
        var id = await CreateThroughFormAsync("Greeting, cancelled", gates: ["design"]);
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Approval needed: design" })).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();

        await Expect(_page.Locator("#spec-status")).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" })).ToBeHiddenAsync();
        Assert.Equal("cancelled", (await Server.GetJsonAsync($"specs/{id}")).GetProperty("status").GetString());
        await _page.GotoAsync("/");
        await Expect(_page.Locator("#spec-list tr", new() { HasText = "Greeting, cancelled" })).ToContainTextAsync("cancelled");
        await SystemChromium.ScreenshotAsync(_page, "spec-list");
    }

    [Fact]
    public async Task SpecPage_NarrowScreenAndKeyboard_FitsTheWidthAndTabsFollowTheArrowKeys()
    {
        var spec = await Server.CreateSpecAsync(title: "Greeting, on a phone");
        var id = spec.GetProperty("id").GetString()!;
        await _page.SetViewportSizeAsync(375, 800);
        await _page.GotoAsync($"/#/specs/{id}");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Greeting, on a phone");

        await _page.GetByRole(AriaRole.Tab, new() { Name = "Requirements" }).FocusAsync();
        await _page.Keyboard.PressAsync("ArrowRight");

        await Expect(_page.GetByRole(AriaRole.Tab, new() { Name = "Design" })).ToBeFocusedAsync();
        await Expect(_page.GetByRole(AriaRole.Tab, new() { Name = "Design" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(_page.Locator("#panel-design")).ToBeVisibleAsync();
        await Expect(_page.Locator("#panel-requirements")).ToBeHiddenAsync();
        Assert.EndsWith($"#/specs/{id}/design", _page.Url, StringComparison.Ordinal);
        await _page.Keyboard.PressAsync("End");
        await Expect(_page.GetByRole(AriaRole.Tab, new() { Name = "Tasks" })).ToBeFocusedAsync();
        var overflow = await _page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 375px screen");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Execute" })).ToBeVisibleAsync();
        await SystemChromium.ScreenshotAsync(_page, "spec-narrow");
    }

    [Fact]
    public async Task Axe_ListFormWithErrorsAndSpecPageAtAGate_FindsNoViolations()
    {
        var id = (await Server.CreateSpecAsync(new { requireApproval = RequirementsGate }, title: "Greeting, checked")).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForSpecAsync(id, s => s.GetProperty("pendingApproval").GetString() == "requirements");
        var violations = new List<string>();

        await _page.GotoAsync("/");
        await Expect(_page.Locator("#spec-list tbody tr").First).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync("list"));
        await _page.GotoAsync("/#/new");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create spec" }).ClickAsync();
        await Expect(_page.Locator("#f-title-error")).Not.ToBeEmptyAsync();
        violations.AddRange(await ViolationsAsync("form with errors"));
        await _page.GotoAsync($"/#/specs/{id}");
        await Expect(_page.Locator("#approval-items li").First).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync("spec at the requirements gate"));
        await _page.GetByRole(AriaRole.Tab, new() { Name = "Tasks" }).ClickAsync();
        violations.AddRange(await ViolationsAsync("tasks tab"));

        Assert.True(violations.Count == 0, "axe found:\n" + string.Join("\n", violations));
    }

    private async Task<IEnumerable<string>> ViolationsAsync(string view)
    {
        var result = await _page.RunAxe();
        return result.Violations.Select(v => $"{view}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
    }

    /// <summary>Fills and submits the create form (the run starts right away) and waits for the spec's page; returns its id.</summary>
    private async Task<string> CreateThroughFormAsync(string title, string? agent = null, int? parallel = null, int? retries = null, string[]? gates = null)
    {
        await _page.GetByRole(AriaRole.Link, new() { Name = "New spec" }).First.ClickAsync();
        await _page.GetByLabel("Title").FillAsync(title);
        await _page.GetByLabel("Description").FillAsync(LocalServerHarness.ExampleSpec);
        await _page.GetByLabel("Repository").FillAsync(Server.Repository);
        await _page.GetByText("Options", new() { Exact = true }).ClickAsync();
        foreach (var gate in gates ?? [])
        {
            await _page.GetByLabel(gate, new() { Exact = true }).CheckAsync();
        }

        if (agent is not null)
        {
            await _page.GetByLabel("Agent", new() { Exact = true }).FillAsync(agent);
        }

        if (parallel is { } p)
        {
            await _page.GetByLabel("Tasks at once").FillAsync(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (retries is { } r)
        {
            await _page.GetByLabel("Retries per task").FillAsync(r.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await _page.GetByRole(AriaRole.Button, new() { Name = "Create spec" }).ClickAsync();
        await _page.WaitForURLAsync(url => url.Contains("#/specs/spec-", StringComparison.Ordinal));
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        return Uri.UnescapeDataString(new Uri(_page.Url).Fragment.Split('/')[2]);
    }

    /// <summary>Keeps every completed-task count the graph's caption shows, so a test can tell it changed in place.</summary>
    private Task RecordGraphCaptionsAsync() => _page.EvaluateAsync("""
        () => {
          const caption = document.getElementById('graph-caption');
          window.graphCompleted = [];
          const record = () => window.graphCompleted.push(Number(caption.dataset.completed || 0));
          record();
          new MutationObserver(record).observe(caption, { attributes: true, childList: true, characterData: true, subtree: true });
        }
        """);
}
