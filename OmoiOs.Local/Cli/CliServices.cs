using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Workflow.Embedded;
using OmoiOs.Local.Server;

namespace OmoiOs.Local.Cli;

/// <summary>
/// OmoiOs's services for one CLI command, configured from the environment (<c>OMOI_*</c>), on the user's Azurite,
/// started when needed and left running. Unlike <c>omoi serve</c> it resumes no other spec's run.
/// </summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliServices(ServiceProvider provider)
    {
        _provider = provider;
    }

    public IServiceProvider Services => _provider;

    public static async Task<CliServices> StartAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddOmoiInfrastructure(configuration);
        services.AddEmbeddedWorkflowEngine(configuration);
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
