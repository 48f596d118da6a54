using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>
/// The spec routes over real HTTP against a spec the example agent ran to completion: what they serve, and every
/// request they refuse (problem naming the cause, nothing changed).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SpecEndpointsTests(CompletedSpecFixture fixture) : IClassFixture<CompletedSpecFixture>
{
    private const string UnknownSpec = "spec-000000000000";

    private LocalServerHarness Server => fixture.Harness;

    private string SpecId => fixture.SpecId;

    public static TheoryData<string, string> UnknownIdRoutes => new()
    {
        { "GET", $"specs/{UnknownSpec}" },
        { "POST", $"specs/{UnknownSpec}/execute" },
        { "POST", $"specs/{UnknownSpec}/approve" },
        { "POST", $"specs/{UnknownSpec}/execute-tasks" },
        { "GET", $"specs/{UnknownSpec}/execution-status" },
        { "GET", $"specs/{UnknownSpec}/requirements" },
        { "GET", $"specs/{UnknownSpec}/design" },
        { "GET", $"specs/{UnknownSpec}/tasks" },
        { "GET", $"specs/{UnknownSpec}/export" },
        { "POST", $"specs/{UnknownSpec}/cancel" },
        { "GET", $"specs/{UnknownSpec}/events" },
        { "GET", "specs/not-an-id" },
        { "GET", "tickets/ticket-000000000000" },
        { "GET", "tasks/task-000000000000-tsk-001" },
        { "GET", "tasks/whatever" },
    };

    [Fact]
    public async Task CompletedSpec_GetSpec_IsCompletedWithEveryTaskDone()
    {
        var spec = await Server.GetJsonAsync($"specs/{SpecId}");
        var status = await Server.GetJsonAsync($"specs/{SpecId}/execution-status");

        Assert.Equal("completed", spec.GetProperty("status").GetString());
        Assert.Equal("complete", spec.GetProperty("currentPhase").GetString());
        Assert.Equal(100, spec.GetProperty("progress").GetInt32());
        Assert.Equal(JsonValueKind.Null, spec.GetProperty("failureReason").ValueKind);
        Assert.Equal(SpecId, spec.GetProperty("instanceId").GetString());
        Assert.True(status.GetProperty("isComplete").GetBoolean());
        Assert.True(status.GetProperty("total").GetInt32() > 0);
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Equal(100, status.GetProperty("progress").GetInt32());
    }

    [Fact]
    public async Task CompletedSpec_ListTasks_NamesTheCriticalPathAsAChainOfDependentTasks()
    {
        var list = await Server.GetJsonAsync($"specs/{SpecId}/tasks");

        var tasks = list.GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        var path = list.GetProperty("criticalPath").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(path.Count > 1, $"critical path {string.Join(", ", path)}");
        Assert.Empty(tasks[path[0]].GetProperty("dependsOn").EnumerateArray());
        Assert.All(path.Skip(1).Select((id, i) => (Previous: path[i], Task: tasks[id])), step =>
            Assert.Contains(step.Previous, step.Task.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString())));
        Assert.Equal(path.Sum(id => tasks[id].GetProperty("estimatedHours").GetDouble()), list.GetProperty("criticalPathHours").GetDouble(), 6);
    }

    [Fact]
    public async Task CompletedSpec_PlanningRoutes_ServeRequirementsDesignAndTasks()
    {
        var requirements = (await Server.GetJsonAsync($"specs/{SpecId}/requirements")).GetProperty("items").EnumerateArray().ToList();
        var design = await Server.GetJsonAsync($"specs/{SpecId}/design");
        var tasks = (await Server.GetJsonAsync($"specs/{SpecId}/tasks")).GetProperty("items").EnumerateArray().ToList();
        var status = await Server.GetJsonAsync($"specs/{SpecId}/execution-status");

        Assert.NotEmpty(requirements);
        Assert.All(requirements, r =>
        {
            Assert.StartsWith("REQ-", r.GetProperty("key").GetString());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString()));
            Assert.NotEmpty(r.GetProperty("acceptanceCriteria").EnumerateArray());
            Assert.All(r.GetProperty("acceptanceCriteria").EnumerateArray(), c => Assert.True(c.GetProperty("completed").GetBoolean()));
        });
        Assert.NotEmpty(design.GetProperty("components").EnumerateArray());
        Assert.Equal(status.GetProperty("total").GetInt32(), tasks.Count);
        var requirementIds = requirements.Select(r => r.GetProperty("id").GetString()).ToHashSet();
        Assert.All(tasks, t =>
        {
            Assert.Equal("completed", t.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(t.GetProperty("workTaskId").GetString()));
            Assert.All(t.GetProperty("requirements").EnumerateArray(), r => Assert.Contains(r.GetString(), requirementIds));
        });
    }

    [Fact]
    public async Task CompletedSpec_RecordRoutes_ServeOneTicketAndOneTaskPerSpecTask()
    {
        var tickets = (await Server.GetJsonAsync($"tickets?specId={SpecId}")).GetProperty("items").EnumerateArray().ToList();
        var tasks = (await Server.GetJsonAsync($"tasks?specId={SpecId}")).GetProperty("items").EnumerateArray().ToList();
        var specTasks = (await Server.GetJsonAsync($"specs/{SpecId}/tasks")).GetProperty("items").EnumerateArray().ToList();

        var ticket = Assert.Single(tickets);
        Assert.Equal(SpecId, ticket.GetProperty("specId").GetString());
        var ticketId = ticket.GetProperty("id").GetString()!;
        Assert.Equal(ticketId, (await Server.GetJsonAsync($"tickets/{ticketId}")).GetProperty("id").GetString());
        Assert.Equal(specTasks.Count, tasks.Count);
        Assert.Equal(
            specTasks.Select(t => t.GetProperty("workTaskId").GetString()).Order(),
            tasks.Select(t => t.GetProperty("id").GetString()).Order());
        foreach (var task in tasks)
        {
            var id = task.GetProperty("id").GetString()!;
            var single = await Server.GetJsonAsync($"tasks/{id}");
            Assert.Equal(id, single.GetProperty("id").GetString());
            Assert.Equal(ticketId, single.GetProperty("ticketId").GetString());
            Assert.Equal("completed", single.GetProperty("status").GetString());
            Assert.Equal(1, single.GetProperty("attempts").GetInt32());
            Assert.True(single.GetProperty("result").GetProperty("checksPassed").GetBoolean());
        }
    }

    [Theory]
    [InlineData("kiro", new[] { "requirements.md", "design.md", "tasks.md" })]
    [InlineData("speckit", new[] { "spec.md", "plan.md", "tasks.md" })]
    public async Task ExportSpec_Format_ReturnsAZipOfItsMarkdownFiles(string format, string[] files)
    {
        using var response = await Server.Client.GetAsync($"specs/{SpecId}/export?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Equal(files.Order(), zip.Entries.Select(e => Path.GetFileName(e.FullName)).Order());
        Assert.All(zip.Entries, e => Assert.True(e.Length > 0, $"{e.FullName} is empty"));
    }

    [Fact]
    public async Task ExportSpec_File_ReturnsThatMarkdownFile()
    {
        var firstKey = (await Server.GetJsonAsync($"specs/{SpecId}/requirements")).GetProperty("items")[0].GetProperty("key").GetString()!;

        using var response = await Server.Client.GetAsync($"specs/{SpecId}/export?format=kiro&file=requirements.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(firstKey, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportSpec_UnknownFile_Returns400NamingFile()
    {
        using var response = await Server.Client.GetAsync($"specs/{SpecId}/export?file=secrets.md");

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["file"], LocalServerHarness.ErrorFields(problem));
    }

    [Theory]
    [MemberData(nameof(UnknownIdRoutes))]
    public async Task UnknownId_AnyRoute_Returns404ProblemAndCreatesNothing(string method, string route)
    {
        var before = await Server.SpecIdsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (route.EndsWith("/approve", StringComparison.Ordinal))
        {
            request.Content = LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}");
        }

        using var response = await Server.Client.SendAsync(request);

        await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Fact]
    public async Task CreateSpec_MissingFields_Returns400NamingEachAndStoresNothing()
    {
        var before = await Server.SpecIdsAsync();

        using var response = await Server.Client.PostAsync("specs", LocalServerHarness.Json("{\"title\":\"   \"}"));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["description", "repository", "title"], LocalServerHarness.ErrorFields(problem).Order());
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [InlineData("title", 201)]
    [InlineData("description", 300_001)]
    [InlineData("repository", 2049)]
    public async Task CreateSpec_OversizedField_Returns400NamingIt(string field, int length)
    {
        var before = await Server.SpecIdsAsync();
        var body = new JsonObject { ["title"] = "t", ["description"] = "d", ["repository"] = Server.Repository };
        body[field] = "/" + new string('a', length - 1);

        using var response = await Server.Client.PostAsync("specs", LocalServerHarness.Json(body.ToJsonString()));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], LocalServerHarness.ErrorFields(problem));
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [InlineData("/nonexistent/omoi/repository")]
    [InlineData("file:///nonexistent/omoi/repository.git")]
    public async Task CreateSpec_RepositoryDoesNotExist_Returns400NamingRepository(string repository)
    {
        var before = await Server.SpecIdsAsync();
        var body = new JsonObject { ["title"] = "t", ["description"] = "d", ["repository"] = repository };

        using var response = await Server.Client.PostAsync("specs", LocalServerHarness.Json(body.ToJsonString()));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["repository"], LocalServerHarness.ErrorFields(problem));
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [InlineData("{\"maxParallelTasks\":0}", "options.maxParallelTasks")]
    [InlineData("{\"budgetUsd\":-1}", "options.budgetUsd")]
    [InlineData("{\"sandbox\":\"docker\"}", "options.sandbox")]
    [InlineData("{\"planner\":\"oracle\"}", "options.planner")]
    [InlineData("{\"approvalTimeoutSeconds\":0}", "options.approvalTimeoutSeconds")]
    [InlineData("{\"requireApproval\":[\"deploy\"]}", "options.requireApproval[0]")]
    [InlineData("{\"setupCommand\":5}", "options.setupCommand")]
    [InlineData("{\"setupCommand\":\"pip install -r requirements.txt\\u0000rm -rf /\"}", "options.setupCommand")]
    [InlineData("{\"checkCommand\":\"make test\\u0000\"}", "options.checkCommand")]
    public async Task CreateSpec_InvalidOption_Returns400NamingTheOption(string options, string field)
    {
        var before = await Server.SpecIdsAsync();
        var body = new JsonObject { ["title"] = "t", ["description"] = "d", ["repository"] = Server.Repository, ["options"] = JsonNode.Parse(options) };

        using var response = await Server.Client.PostAsync("specs", LocalServerHarness.Json(body.ToJsonString()));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], LocalServerHarness.ErrorFields(problem));
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Fact]
    public async Task GetDesign_DraftSpec_Returns404NamingTheDesign()
    {
        var draft = (await Server.CreateSpecAsync()).GetProperty("id").GetString();

        using var response = await Server.Client.GetAsync($"specs/{draft}/design");

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Design", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ApproveSpec_NothingPending_Returns409AndChangesNothing()
    {
        var draft = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;

        foreach (var id in new[] { draft, SpecId })
        {
            var events = await Server.EventsAsync(id);
            var spec = await Server.GetJsonAsync($"specs/{id}");

            using var response = await Server.Client.PostAsync($"specs/{id}/approve", LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}"));

            var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Contains("no requirements approval is pending", problem.GetProperty("detail").GetString());
            Assert.Equal(events.Count, (await Server.EventsAsync(id)).Count);
            Assert.Equal(spec.GetProperty("updatedAt").GetString(), (await Server.GetJsonAsync($"specs/{id}")).GetProperty("updatedAt").GetString());
        }
    }

    [Fact]
    public async Task ExecuteSpecTasks_BeforePlanningComplete_Returns409AndChangesNothing()
    {
        var draft = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;

        using var response = await Server.Client.PostAsync($"specs/{draft}/execute-tasks", LocalServerHarness.Json("{}"));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("planning to be complete", problem.GetProperty("detail").GetString());
        Assert.Equal("draft", (await Server.GetJsonAsync($"specs/{draft}")).GetProperty("status").GetString());
        Assert.Single(await Server.EventsAsync(draft));
        Assert.Empty((await Server.GetJsonAsync($"tickets?specId={draft}")).GetProperty("items").EnumerateArray());
        Assert.Empty((await Server.GetJsonAsync($"tasks?specId={draft}")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("execute")]
    [InlineData("execute-tasks")]
    public async Task SteeringRoute_CompletedSpec_Returns409AndChangesNothing(string route)
    {
        var events = await Server.EventsAsync(SpecId);

        using var response = await Server.Client.PostAsync($"specs/{SpecId}/{route}", null);

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("completed", problem.GetProperty("detail").GetString());
        Assert.Equal("completed", (await Server.GetJsonAsync($"specs/{SpecId}")).GetProperty("status").GetString());
        Assert.Equal(events.Count, (await Server.EventsAsync(SpecId)).Count);
    }
}
