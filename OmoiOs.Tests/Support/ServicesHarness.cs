using DurableTask.AzureStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Support;

/// <summary>
/// All of OmoiOs's services below the hosts on Azurite, in tables and a task hub of their own, on the real clock. The task
/// hub worker starts only when a test asks for it (<see cref="StartWorkerAsync"/>); disposing deletes the hub.
/// </summary>
public sealed class ServicesHarness : IDisposable
{
    private readonly ServiceProvider _provider;
    private bool _hubCreated;

    public ServicesHarness(IDictionary<string, string?>? settings = null, string? tablePrefix = null, Action<IServiceCollection>? configure = null)
    {
        TablePrefix = tablePrefix ?? "T" + Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["OMOI_TABLE_PREFIX"] = TablePrefix,
            ["OMOI_TASK_HUB"] = TablePrefix,
            ["OMOI_STORAGE"] = "UseDevelopmentStorage=true",
            ["OMOI_PLANNER"] = "heuristic",
            ["OMOI_REPOSITORY_ROOTS"] = SampleRepository.Roots,
            ["OMOI_WORKSPACE_ROOT"] = Path.Combine(Path.GetTempPath(), "omoi-test-workspaces", TablePrefix),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOmoiInfrastructure(configuration);
        services.AddTaskHub(configuration);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public string TablePrefix { get; }

    public TaskHubWorkflowClient Workflows => Get<TaskHubWorkflowClient>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Makes this harness a worker of its task hub (creating the hub the first time).</summary>
    public async Task<TaskHubWorkflowClient> StartWorkerAsync()
    {
        UsesHub();
        await Get<TaskHubWorkerHost>().StartAsync(CancellationToken.None);
        return Workflows;
    }

    /// <summary>Marks the hub for deletion when the harness is disposed.</summary>
    public void UsesHub() => _hubCreated = true;

    /// <summary>Stops the worker as a crash would: what it was running is abandoned, for another worker to take over.</summary>
    public Task StopWorkerAsync() => Get<TaskHubWorkerHost>().StopAsync(CancellationToken.None);

    // Tests dispose synchronously; the provider and the hub only asynchronously.
    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    private async Task DisposeAsync()
    {
        await StopWorkerAsync();
        if (_hubCreated)
        {
            await Get<AzureStorageOrchestrationService>().DeleteAsync();
        }

        await _provider.DisposeAsync();
    }
}
