using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Tests.Support;

/// <summary>The real Table storage services on Azurite, in tables of their own so tests never see each other's rows.</summary>
public sealed class StorageHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public StorageHarness(string? tablePrefix = null, IDictionary<string, string?>? settings = null)
    {
        TablePrefix = tablePrefix ?? "T" + Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?> { ["OMOI_TABLE_PREFIX"] = TablePrefix, ["OMOI_STORAGE"] = "UseDevelopmentStorage=true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddTableStorage(configuration);
        _provider = services.BuildServiceProvider();
    }

    public string TablePrefix { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A second, independent set of services on the same tables: another process, as far as storage can tell.</summary>
    public StorageHarness SecondProcess() => new(TablePrefix);

    public void Dispose() => _provider.Dispose();
}
