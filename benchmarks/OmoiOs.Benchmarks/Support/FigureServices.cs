using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Infrastructure.Workflow.Embedded;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// The real services (Core, Table storage, embedded engine) over tables of their own on the storage account
/// (Azurite unless OMOI_STORAGE says otherwise), with a no-op agent; the tables are deleted on dispose.
/// </summary>
public sealed class FigureServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private FigureServices(ServiceProvider provider, string tablePrefix, RequestCounter requests)
    {
        _provider = provider;
        TablePrefix = tablePrefix;
        Requests = requests;
    }

    /// <summary>Every storage request the services and the baselines made.</summary>
    public RequestCounter Requests { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => _provider;

    public TableServiceClient TableService => _provider.GetRequiredService<TableServiceClient>();

    public TableClient Records => TableService.GetTableClient(TablePrefix + "Records");

    public static FigureServices Create(int maxConcurrentActivities = 16)
    {
        var prefix = "Fig" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["OMOI_TABLE_PREFIX"] = prefix,
            ["OMOI_STORAGE"] = Environment.GetEnvironmentVariable("OMOI_STORAGE") ?? StorageOptions.DevelopmentStorage,
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
        services.AddEmbeddedWorkflowEngine(configuration);
        services.AddSingleton<ITaskRunner, NoOpTaskRunner>();
        return new FigureServices(services.BuildServiceProvider(), prefix, requests);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<EmbeddedWorkflowEngine>().DisposeAsync().ConfigureAwait(false);
        var service = TableService;
        foreach (var table in (string[])["Records", "Instances", "History", "Baseline"])
        {
            await service.DeleteTableAsync(TablePrefix + table).ConfigureAwait(false);
        }

        await _provider.DisposeAsync().ConfigureAwait(false);
    }
}
