using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Infrastructure.Workflow.Durable;
using OmoiOs.Local.Server;

namespace OmoiOs.Local.Cli;

/// <summary>
/// OmoiOs's services for one CLI command, configured from the environment (<c>OMOI_*</c>), on the user's Azurite,
/// started when needed and left running. Only <c>omoi run</c> starts the task hub worker; the other commands are clients of the hub.
/// </summary>
internal sealed class CliServices : IAsyncDisposable
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _provider;
    private List<IHostedService> _started = [];

    private CliServices(ServiceProvider provider)
    {
        _provider = provider;
    }

    public IServiceProvider Services => _provider;

    /// <param name="allowedRepository">A local repository to allow besides <c>OMOI_REPOSITORY_ROOTS</c> (the one <c>omoi run</c> was given).</param>
    public static async Task<CliServices> StartAsync(CancellationToken cancellationToken, string? allowedRepository = null)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddOmoiInfrastructure(configuration);
        if (allowedRepository is not null)
        {
            services.PostConfigure<RepositoryOptions>(options => options.Allow(allowedRepository));
        }

        services.AddTaskHub(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await StorageSettings.EnsureAzuriteAsync(configuration, cancellationToken);
        return new CliServices(provider);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>
    /// Starts the task hub worker with what a server runs beside it (<see cref="TaskHubServiceCollectionExtensions.AddTaskHub"/>):
    /// the storage outage monitor, the watches that restart the engine, the sweeps. Stopped, in reverse order, on dispose.
    /// </summary>
    public async Task StartWorkerAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _provider.GetServices<IHostedService>())
        {
            await service.StartAsync(cancellationToken);
            _started.Add(service);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var wait = new CancellationTokenSource(StopWait);
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(wait.Token);
        }

        _started = [];
        await _provider.DisposeAsync();
    }
}
