using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.AzureStorage;
using OmoiOs.Tests.Support;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// What the fault figures run on: the real <c>omoi serve</c> (as many times as a figure restarts it) on tables and a
/// task hub of their own on the figure storage (deleted at the end), a fresh copy of the sample repository, and the
/// run invariants the fault tests check.
/// </summary>
public sealed class ServeRun : IAsyncDisposable
{
    private readonly FigureServices _storage;
    private readonly string _root;

    private ServeRun(FigureServices storage, string root, string repository, Dictionary<string, string?> settings)
    {
        _storage = storage;
        _root = root;
        Repository = repository;
        Settings = settings;
    }

    public string Repository { get; }

    public Dictionary<string, string?> Settings { get; }

    /// <param name="agent">The agent by name (<c>example</c> is the bundled one; <c>noop</c> runs <c>true</c>).</param>
    /// <param name="connectionString">The storage account; by default OMOI_STORAGE, else the development storage.</param>
    public static async Task<ServeRun> CreateAsync(string agent, TimeSpan takeover, string? connectionString = null)
    {
        connectionString ??= FigureServices.DefaultConnectionString;
        var storage = FigureServices.Create(connectionString: connectionString);
        var root = Path.Combine(Path.GetTempPath(), "omoi-figure-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repository = await SampleRepository.CreateAsync().ConfigureAwait(false);
        var settings = new Dictionary<string, string?>
        {
            ["OMOI_STORAGE"] = connectionString,
            ["OMOI_TABLE_PREFIX"] = storage.TablePrefix,
            ["OMOI_TASK_HUB"] = storage.TablePrefix,
            ["OMOI_PLANNER"] = "heuristic",
            ["OMOI_AGENT"] = agent,
            ["OMOI_AGENTS:noop"] = "true",
            ["OMOI_REPOSITORY_ROOTS"] = SampleRepository.Roots,
            ["OMOI_WORKSPACE_ROOT"] = Path.Combine(root, "workspaces"),
            ["OMOI_DATA_DIR"] = Path.Combine(root, "data"),
            ["OMOI_WORKER_TAKEOVER"] = takeover.ToString("c", CultureInfo.InvariantCulture),
        };
        return new ServeRun(storage, root, repository, settings);
    }

    public Task<OmoiServeProcess> StartServeAsync() => OmoiServeProcess.StartAsync(Settings, _root);

    /// <summary>Creates a spec against <see cref="Repository"/> and starts its run; returns its id.</summary>
    public async Task<string> CreateAndExecuteAsync(HttpClient client, string title, string description, CancellationToken cancellationToken)
    {
        using var created = await client.PostAsJsonAsync("specs", new { title, description, repository = Repository }, cancellationToken).ConfigureAwait(false);
        var body = await created.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /specs answered {(int)created.StatusCode}: {body}");
        }

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        using var execute = await client.PostAsync($"specs/{id}/execute", null, cancellationToken).ConfigureAwait(false);
        if (!execute.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"execute answered {(int)execute.StatusCode}: {await execute.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        return id;
    }

    /// <summary>Every task of the run by status (one page: the figures stay under 1,000 tasks per read).</summary>
    public static async Task<Dictionary<string, int>> TaskCountsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"tasks?pageSize=1000{(token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token))}", cancellationToken).ConfigureAwait(false);
            foreach (var task in page.GetProperty("items").EnumerateArray())
            {
                var status = task.GetProperty("status").GetString()!;
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }

            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);
        return counts;
    }

    /// <summary>One spec's tasks from its execution status: how many, and how many reached an end (completed, failed, blocked).</summary>
    public static async Task<TaskCounts> ExecutionCountsAsync(HttpClient client, string specId, CancellationToken cancellationToken)
    {
        var status = await client.GetFromJsonAsync<JsonElement>($"specs/{specId}/execution-status", cancellationToken).ConfigureAwait(false);
        var counts = status.GetProperty("counts");
        return new TaskCounts(status.GetProperty("total").GetInt32(), counts.GetProperty("completed").GetInt32() + counts.GetProperty("failed").GetInt32() + counts.GetProperty("blocked").GetInt32());
    }

    public sealed record TaskCounts(int Total, int Done);

    /// <summary>The specs' statuses, read one by one.</summary>
    public static async Task<Dictionary<string, string>> SpecStatusesAsync(HttpClient client, IEnumerable<string> specIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in specIds)
        {
            var spec = await client.GetFromJsonAsync<JsonElement>($"specs/{id}", cancellationToken).ConfigureAwait(false);
            statuses[id] = spec.GetProperty("status").GetString()!;
        }

        return statuses;
    }

    public static bool IsFinal(string status) => status is "completed" or "failed" or "cancelled";

    /// <summary>The run invariants' violations (empty when all hold).</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync(IEnumerable<string> specIds, CancellationToken cancellationToken)
    {
        using var invariants = new RunInvariants(Settings["OMOI_STORAGE"]!, Settings["OMOI_TABLE_PREFIX"]!);
        return await invariants.ViolationsAsync(specIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The runs whose history the engine still holds (finished runs past the retention are purged).</summary>
    public async Task<int> EngineInstancesAsync(CancellationToken cancellationToken) =>
        (await _storage.Get<AzureStorageOrchestrationService>().GetOrchestrationStateAsync(cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>Resident set of a process, from the kernel (Linux).</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Workspace volumes (size-limited tmpfs mounts) still mounted under this run's workspace root.</summary>
    public IReadOnlyList<string> MountedWorkspaces()
    {
        var root = Settings["OMOI_WORKSPACE_ROOT"]! + "/";
        return File.ReadLines("/proc/self/mountinfo").Select(line => line.Split(' ')).Where(f => f.Length > 4 && f[4].StartsWith(root, StringComparison.Ordinal)).Select(f => f[4]).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mount in MountedWorkspaces())
        {
            using var umount = Process.Start("umount", ["-l", mount]);
            await umount.WaitForExitAsync().ConfigureAwait(false);
        }

        await _storage.Get<AzureStorageOrchestrationService>().DeleteAsync().ConfigureAwait(false);
        await _storage.DisposeAsync().ConfigureAwait(false);
        SampleRepository.Delete(Repository);
        Directory.Delete(_root, recursive: true);
    }
}
