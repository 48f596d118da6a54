using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace OmoiOs.Tests.Support;

/// <summary>
/// What a fault test on real <c>omoi serve</c> or <c>omoi run</c> processes starts from: a temporary folder, a fresh
/// sample repository, an agent slow enough to be interrupted (it writes a file of its own and reports a cost), settings
/// for tables and a task hub of the test's own on the given storage with the 15 s worker takeover, and the run invariants.
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    public const string SlowAgent = "slow";

    // Each task waits a little, then writes a file of its own and reports a cost: slow enough to be killed mid-run,
    // never conflicting, and every attempt's cost must reach the spec once.
    private const string SlowAgentScript = """
        #!/bin/sh
        sleep {pause}
        echo "$OMOI_TASK_KEY attempt $OMOI_ATTEMPT" > "omoi-$OMOI_TASK_KEY.txt"
        echo '{"type":"result","total_cost_usd":0.25,"usage":{"input_tokens":10,"output_tokens":5}}'
        """;

    private FaultRun(string root, string repository, Dictionary<string, string?> settings)
    {
        Root = root;
        Repository = repository;
        Settings = settings;
    }

    public string Root { get; }

    /// <summary>A git repository (the sample app, committed on main) specs name.</summary>
    public string Repository { get; }

    /// <summary>The environment of every <c>omoi</c> process of the test.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <param name="storage">The store's connection string; the shared Azurite's unless the test has its own.</param>
    /// <param name="agentPause">How long each task's agent waits before it writes its file (0.4 s unless given).</param>
    public static async Task<FaultRun> CreateAsync(string storage = "UseDevelopmentStorage=true", TimeSpan? agentPause = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "omoi-fault-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repository = await SampleRepository.CreateAsync();
        var agent = Path.Combine(root, "slow-agent.sh");
        var pause = (agentPause ?? TimeSpan.FromSeconds(0.4)).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(agent, SlowAgentScript.Replace("{pause}", pause, StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(agent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var settings = LocalServerHarness.Settings("Fault" + Guid.NewGuid().ToString("N")[..12], SlowAgent, root);
        settings[$"OMOI_AGENTS:{SlowAgent}"] = $"{agent} {{prompt}}";
        settings["OMOI_STORAGE"] = storage;

        // A killed worker's leases and messages come back after this; the shortest storage allows, so tests wait less.
        settings["OMOI_WORKER_TAKEOVER"] = "00:00:15";
        return new FaultRun(root, repository, settings);
    }

    public Task<OmoiServeProcess> StartServeAsync() => OmoiServeProcess.StartAsync(Settings, Root);

    /// <summary>Creates the example spec against <see cref="Repository"/> and starts its run; returns the spec id.</summary>
    public async Task<string> CreateAndExecuteAsync(HttpClient client, object? options)
    {
        var body = new Dictionary<string, object?> { ["title"] = "Configurable greeting", ["description"] = LocalServerHarness.ExampleSpec, ["repository"] = Repository, ["options"] = options };
        using var created = await client.PostAsync("specs", LocalServerHarness.Json(JsonSerializer.Serialize(body)));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var specId = (await LocalServerHarness.ReadJsonAsync(created)).GetProperty("id").GetString()!;
        using var execute = await client.PostAsync($"specs/{specId}/execute", null);
        Assert.True(execute.IsSuccessStatusCode, await execute.Content.ReadAsStringAsync());
        return specId;
    }

    /// <summary>Polls execution-status until <paramref name="reached"/> holds for its task counts; returns the tasks completed then.</summary>
    public static async Task<List<JsonElement>> WaitForTasksAsync(OmoiServeProcess server, string specId, Func<JsonElement, bool> reached)
    {
        var deadline = DateTimeOffset.UtcNow + LocalServerHarness.StateDeadline;
        while (true)
        {
            using var response = await server.Client.GetAsync($"specs/{specId}/execution-status");
            var status = await LocalServerHarness.ReadJsonAsync(response);
            if (reached(status.GetProperty("counts")))
            {
                using var tasks = await server.Client.GetAsync($"tasks?specId={specId}");
                return (await LocalServerHarness.ReadJsonAsync(tasks)).GetProperty("items").EnumerateArray()
                    .Where(t => t.GetProperty("status").GetString() == "completed")
                    .ToList();
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the run never reached the fault point; last {status}; server said: {server.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Polls the test's task records until two are completed and one is running (<see cref="MidExecute"/>), for a run
    /// with no server to ask (<c>omoi run</c>).
    /// </summary>
    public async Task WaitForMidExecuteRecordsAsync(OmoiCliProcess command)
    {
        var records = new TableClient(Settings["OMOI_STORAGE"], Settings["OMOI_TABLE_PREFIX"] + "Records");
        var deadline = DateTimeOffset.UtcNow + LocalServerHarness.StateDeadline;
        while (true)
        {
            var statuses = new List<string>();
            try
            {
                await foreach (var task in records.QueryAsync<TableEntity>("kind eq 'task'", select: ["status"]))
                {
                    statuses.Add(task.GetString("status"));
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // The command has not created its tables yet.
            }

            if (statuses.Count(s => s == "completed") >= 2 && statuses.Contains("running"))
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the run never reached the fault point; tasks {string.Join(", ", statuses)}; omoi said: {command.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Two tasks done and one running: the middle of EXECUTE, where a fault costs the most.</summary>
    public static bool MidExecute(JsonElement counts) =>
        counts.GetProperty("completed").GetInt32() >= 2 && counts.GetProperty("running").GetInt32() >= 1;

    /// <summary>Fails listing every violation of <see cref="RunInvariants"/> in these specs.</summary>
    public async Task AssertInvariantsAsync(params string[] specIds)
    {
        using var invariants = new RunInvariants(Settings["OMOI_STORAGE"]!, Settings["OMOI_TABLE_PREFIX"]!);
        var violations = await invariants.ViolationsAsync(specIds);
        Assert.True(violations.Count == 0, $"{violations.Count} invariant violation(s):\n{string.Join("\n", violations)}");
    }

    public ValueTask DisposeAsync()
    {
        LocalServerHarness.DeleteQuietly(Repository);
        LocalServerHarness.DeleteQuietly(Root);
        return ValueTask.CompletedTask;
    }
}
