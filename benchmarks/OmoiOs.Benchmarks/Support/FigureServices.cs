using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Storage;
using DurableTask.AzureStorage;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// The real services (Core, Table storage, the task hub on the Durable Task Framework) over tables and a hub of their own
/// on the storage account (Azurite unless OMOI_STORAGE says otherwise), with a no-op agent; both are deleted on dispose.
/// </summary>
public sealed class FigureServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private bool _workerStarted;

    private FigureServices(ServiceProvider provider, string tablePrefix, RequestCounter requests)
    {
        _provider = provider;
        TablePrefix = tablePrefix;
        Requests = requests;
    }

    /// <summary>Every storage request the services, the task hub and the baselines made.</summary>
    public RequestCounter Requests { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => _provider;

    public TableServiceClient TableService => _provider.GetRequiredService<TableServiceClient>();

    public TableClient Records => TableService.GetTableClient(TablePrefix + "Records");

    /// <summary>OMOI_STORAGE when set, else the development storage.</summary>
    public static string DefaultConnectionString => Environment.GetEnvironmentVariable("OMOI_STORAGE") ?? StorageOptions.DevelopmentStorage;

    public static FigureServices Create(int maxConcurrentActivities = 100, string? connectionString = null)
    {
        var prefix = "Fig" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["OMOI_TABLE_PREFIX"] = prefix,
            ["OMOI_TASK_HUB"] = prefix,
            ["OMOI_STORAGE"] = connectionString ?? DefaultConnectionString,
            ["OMOI_MAX_ACTIVITIES"] = maxConcurrentActivities.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        var requests = new RequestCounter();
        services.AddSingleton(sp => StorageServiceCollectionExtensions.CreateServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            options => options.AddPolicy(requests, HttpPipelinePosition.PerCall)));
        services.AddOmoiInfrastructure(configuration);
        services.AddTaskHub(configuration);
        services.AddSingleton(sp => TaskHubService.Create(
            sp.GetRequiredService<IOptions<TaskHubOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>(),
            options => options.AddPolicy(requests, HttpPipelinePosition.PerCall)));
        services.AddSingleton<ITaskRunner, NoOpTaskRunner>();
        return new FigureServices(services.BuildServiceProvider(), prefix, requests);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Makes this process a worker of the figure's task hub (once) and returns the hub's client.</summary>
    public async Task<TaskHubWorkflowClient> StartWorkerAsync(CancellationToken cancellationToken)
    {
        _workerStarted = true;
        await Get<TaskHubWorkerHost>().StartAsync(cancellationToken).ConfigureAwait(false);
        return Get<TaskHubWorkflowClient>();
    }

    public async ValueTask DisposeAsync()
    {
        await Get<TaskHubWorkerHost>().StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_workerStarted)
        {
            await Get<AzureStorageOrchestrationService>().DeleteAsync().ConfigureAwait(false);
        }

        var service = TableService;
        foreach (var table in (string[])["Records", "Baseline"])
        {
            await service.DeleteTableAsync(TablePrefix + table).ConfigureAwait(false);
        }

        await _provider.DisposeAsync().ConfigureAwait(false);
    }
}
