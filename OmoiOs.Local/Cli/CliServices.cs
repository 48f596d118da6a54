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
    private readonly ServiceProvider _provider;

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

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
    }
}
