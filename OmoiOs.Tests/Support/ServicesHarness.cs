using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Workflow.Embedded;

namespace OmoiOs.Tests.Support;

/// <summary>All of OmoiOs's services below the hosts, with the embedded engine, on Azurite in tables of their own, on the real clock.</summary>
public sealed class ServicesHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public ServicesHarness(IDictionary<string, string?>? settings = null, string? tablePrefix = null, Action<IServiceCollection>? configure = null)
    {
        TablePrefix = tablePrefix ?? "T" + Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["OMOI_TABLE_PREFIX"] = TablePrefix,
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
        services.AddEmbeddedWorkflowEngine(configuration);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public string TablePrefix { get; }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    // The engine only disposes asynchronously; tests dispose synchronously.
    public void Dispose() => _provider.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Stops the engine as a crash would: its runs are abandoned mid-flight, their rows left as they were.</summary>
    public async Task StopEngineAsync() => await Get<EmbeddedWorkflowEngine>().DisposeAsync();
}
