using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmoiOs.Core.Execution.Agents;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: name a host file as the spec's agent (or a command line) so the host copies it into the task's workspace
/// and its content comes back in the task's error. The agent is chosen by name only; the check command runs in the
/// sandbox, which cannot see the host's files.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class HostPathAgentAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>, IDisposable
{
    private const string Allowed = "aider, claude, codex, costly, example, gemini, noop";
    private readonly HostSecret _secret = new();
    private readonly FunctionsServices _functions = new();

    private LocalServerHarness Server => fixture.Harness;

    public static TheoryData<string> NotAgentNames => new()
    {
        "/root/some-secret.txt",
        "/etc/passwd",
        "/proc/self/environ",
        "../../../../etc/passwd",
        "example; cat /etc/passwd",
        "claude -p {prompt}",
        "true",
    };

    [Fact]
    public async Task PostSpec_AgentIsAHostFile_400NamingOptionsAgentAndItsContentNowhere()
    {
        var before = await Server.SpecIdsAsync();

        using var response = await Server.Client.PostAsync("specs", SpecBody(_secret.Path));

        var body = await response.Content.ReadAsStringAsync();
        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([AgentCatalog.Field], LocalServerHarness.ErrorFields(problem));
        Assert.Contains(Allowed, problem.GetProperty("errors").GetProperty(AgentCatalog.Field)[0].GetString());
        _secret.AssertNotIn(body);
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [MemberData(nameof(NotAgentNames))]
    public async Task PostSpec_AgentIsNotAnOfferedName_400NamingOptionsAgent(string agent)
    {
        using var response = await Server.Client.PostAsync("specs", SpecBody(agent));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([AgentCatalog.Field], LocalServerHarness.ErrorFields(problem));
        _secret.AssertNotIn(problem.ToString());
    }

    [Theory]
    [MemberData(nameof(NotAgentNames))]
    public async Task CreateTrigger_AgentIsNotAnOfferedName_400NamingOptionsAgent(string agent)
    {
        var sut = new SpecFunctions(_functions.Specs, FunctionsServices.Logger<SpecFunctions>());

        var response = await sut.CreateAsync(_functions.PostJson("specs", await SpecBody(agent, SampleRepository.SourcePath).ReadAsStringAsync()), CancellationToken.None);

        Assert.Equal([AgentCatalog.Field], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response)));
        Assert.Empty((await _functions.Specs.ListAsync(10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task RunSpec_CheckCommandReadsHostFiles_TheSandboxSeesNoneAndNoRouteServesThem()
    {
        var check = $"cat '{_secret.Path}' '{_secret.Directory}'/*; cat .omoi/agent/* /proc/1/environ; env; exit 1";
        var id = (await Server.CreateSpecAsync(new { checkCommand = check, maxRetries = 0, maxParallelTasks = 4 })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForStatusAsync(id, "failed", "completed");

        var everything = await EverythingServedAboutAsync(Server, id);

        Assert.Contains("No such file or directory", everything, StringComparison.Ordinal);
        _secret.AssertNotIn(everything);
    }

    /// <summary>Every read route's answer about one spec, concatenated.</summary>
    internal static async Task<string> EverythingServedAboutAsync(LocalServerHarness server, string id)
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in new[] { $"specs/{id}", $"specs/{id}/events?after=0&max=1000", $"specs/{id}/execution-status", $"specs/{id}/requirements", $"specs/{id}/design", $"specs/{id}/tasks", $"tasks?specId={id}&pageSize=1000", $"tickets?specId={id}" })
        {
            using var response = await server.Client.GetAsync(path);
            text.AppendLine(await response.Content.ReadAsStringAsync());
        }

        foreach (var task in (await server.GetJsonAsync($"tasks?specId={id}&pageSize=1000")).GetProperty("items").EnumerateArray())
        {
            using var response = await server.Client.GetAsync($"tasks/{task.GetProperty("id").GetString()}");
            text.AppendLine(await response.Content.ReadAsStringAsync());
        }

        return text.ToString();
    }

    private StringContent SpecBody(string agent, string? repository = null) =>
        LocalServerHarness.Json(new JsonObject
        {
            ["title"] = "Leak",
            ["description"] = "The CLI shall greet the user by name.",
            ["repository"] = repository ?? Server.Repository,
            ["options"] = new JsonObject { ["agent"] = agent },
        }.ToJsonString(new JsonSerializerOptions()));

    public void Dispose()
    {
        _secret.Dispose();
        _functions.Dispose();
    }
}
