using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmoiOs.Local.Server;

namespace OmoiOs.Tests.Support;

/// <summary>
/// The real local server (<see cref="LocalServer"/> on 127.0.0.1 with a free port, a worker of its own task hub on
/// the Durable Task Framework, Azurite) in tables of its own, the heuristic planner, the local bubblewrap sandbox and workspaces under a temporary folder,
/// with an <see cref="HttpClient"/> on <c>/api/</c> and a fresh git copy of the sample app to plan against.
/// </summary>
public sealed class LocalServerHarness : IAsyncDisposable
{
    /// <summary>A no-op agent (<c>true</c>): tasks run the whole sandbox path but change nothing, so they complete fast.</summary>
    public const string NoOpAgent = "noop";

    /// <summary>An agent that changes nothing and reports, Claude-Code style, that it spent $0.50.</summary>
    public const string CostlyAgent = "costly";

    /// <summary>How long a test waits for a spec to get somewhere before it fails with the spec's last state.</summary>
    public static readonly TimeSpan StateDeadline = TimeSpan.FromSeconds(90);

    private readonly string _root;

    private LocalServerHarness(LocalServer server, string root, string repository, string tablePrefix)
    {
        Server = server;
        _root = root;
        Repository = repository;
        TablePrefix = tablePrefix;
        Client = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "api/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public LocalServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>A git repository (the sample app, committed on main) specs can name.</summary>
    public string Repository { get; }

    public string TablePrefix { get; }

    /// <summary>The bundled example spec's Markdown: a feature request the heuristic planner turns into seven tasks.</summary>
    public static string ExampleSpec => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "specs", "greeting-feature.md"));

    /// <param name="agent">The server's default agent by name (<c>OMOI_AGENT</c>); a spec may still name another.</param>
    public static async Task<LocalServerHarness> StartAsync(string agent = NoOpAgent, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "omoi-api-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repository = await SampleRepository.CreateAsync();
        var tablePrefix = "Api" + Guid.NewGuid().ToString("N")[..12];
        var values = Settings(tablePrefix, agent, root);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var server = await LocalServer.StartAsync(new LocalServerOptions { Port = 0, Settings = values }, CancellationToken.None);
        return new LocalServerHarness(server, root, repository, tablePrefix);
    }

    /// <summary>
    /// The settings a test server (in process or as <c>omoi serve</c>) runs with: the test agents defined, local
    /// repositories allowed under the temporary folder and the test binaries (<see cref="SampleRepository.Roots"/>).
    /// </summary>
    public static Dictionary<string, string?> Settings(string tablePrefix, string agent, string root) => new()
    {
        [$"OMOI_AGENTS:{NoOpAgent}"] = "true",
        [$"OMOI_AGENTS:{CostlyAgent}"] = "echo '{\"type\":\"result\",\"total_cost_usd\":0.5,\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}'",
        ["OMOI_REPOSITORY_ROOTS"] = SampleRepository.Roots,
        ["OMOI_STORAGE"] = "UseDevelopmentStorage=true",
        ["OMOI_TABLE_PREFIX"] = tablePrefix,
        ["OMOI_TASK_HUB"] = tablePrefix,
        ["OMOI_PLANNER"] = "heuristic",
        ["OMOI_AGENT"] = agent,
        ["OMOI_WORKSPACE_ROOT"] = Path.Combine(root, "workspaces"),
        ["OMOI_DATA_DIR"] = Path.Combine(root, "data"),
    };

    /// <summary>POSTs a new spec against <see cref="Repository"/> (the example spec unless told otherwise) and returns it; fails unless 201.</summary>
    public async Task<JsonElement> CreateSpecAsync(object? options = null, string? title = null, string? description = null)
    {
        var body = new JsonObject
        {
            ["title"] = title ?? "Configurable greeting",
            ["description"] = description ?? ExampleSpec,
            ["repository"] = Repository,
        };
        if (options is not null)
        {
            body["options"] = JsonSerializer.SerializeToNode(options);
        }

        using var response = await Client.PostAsync("specs", Json(body.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /specs answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    /// <summary>POSTs execute and returns the management body; fails unless 202.</summary>
    public async Task<JsonElement> ExecuteAsync(string specId)
    {
        using var response = await Client.PostAsync($"specs/{specId}/execute", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"execute answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadJsonAsync(response);
    }

    /// <summary>Polls the spec until <paramref name="reached"/> holds; fails with its last state after <see cref="StateDeadline"/>.</summary>
    public Task<JsonElement> WaitForSpecAsync(string specId, Func<JsonElement, bool> reached) =>
        WaitForSpecAsync(Client, specId, reached);

    public Task<JsonElement> WaitForStatusAsync(string specId, params string[] statuses) =>
        WaitForSpecAsync(specId, s => statuses.Contains(s.GetProperty("status").GetString()));

    public static Task<JsonElement> WaitForSpecAsync(HttpClient client, string specId, Func<JsonElement, bool> reached) =>
        WaitForSpecAsync(client, specId, reached, StateDeadline);

    public static async Task<JsonElement> WaitForSpecAsync(HttpClient client, string specId, Func<JsonElement, bool> reached, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            using var response = await client.GetAsync($"specs/{specId}");
            var spec = await ReadJsonAsync(response);
            if (reached(spec))
            {
                return spec;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Spec {specId} did not get there within {within}; last: {spec}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every event of the spec, read page by page with <c>after</c>.</summary>
    public Task<List<JsonElement>> EventsAsync(string specId, int pageSize = 1000) => EventsAsync(Client, specId, pageSize);

    public static async Task<List<JsonElement>> EventsAsync(HttpClient client, string specId, int pageSize = 1000)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var after = events.Count == 0 ? 0 : events[^1].GetProperty("sequence").GetInt64();
            using var response = await client.GetAsync($"specs/{specId}/events?after={after}&max={pageSize}");
            var page = (await ReadJsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page);
        }
    }

    /// <summary>The spec's spec ids (first page): what a bad request must leave as it was.</summary>
    public async Task<List<string>> SpecIdsAsync() =>
        (await GetJsonAsync("specs?pageSize=1000")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.Content.Headers.ContentType}: the body is not JSON ({error.Message}): {text}");
        }
    }

    /// <summary>Checks that the answer is an RFC 9457 problem with <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, problem.GetProperty("instance").GetString());
        return problem;
    }

    /// <summary>The fields a 400 names in <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").ValueKind == JsonValueKind.Object
            ? problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList()
            : [];

    public static HttpRequestMessage EventStreamRequest(string specId, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"specs/{specId}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        DeleteQuietly(Repository);
        DeleteQuietly(_root);
    }

    /// <summary>Removes a temporary folder; one still in use (a sandbox just ending) is left to the system's temp cleaning.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            SampleRepository.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"left {path}: {e.Message}");
        }
    }
}
