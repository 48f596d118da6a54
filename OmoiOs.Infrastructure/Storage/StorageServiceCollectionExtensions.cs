using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage.Repositories;

namespace OmoiOs.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the Table storage repositories (Azurite by default; see <see cref="StorageOptions"/>).</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration)
            .Configure(options => options.WebJobsStorage = configuration[StorageOptions.WebJobsStorageKey])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CreateServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => new RecordTable(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix + "Records"));
        services.TryAddSingleton<SpecPartitionWriter>();
        services.TryAddSingleton<RecordUpdater>();
        services.TryAddSingleton<ISpecRepository, TableSpecRepository>();
        services.TryAddSingleton<IRequirementRepository, TableRequirementRepository>();
        services.TryAddSingleton<ISpecTaskRepository, TableSpecTaskRepository>();
        services.TryAddSingleton<ITicketRepository, TableTicketRepository>();
        services.TryAddSingleton<IWorkTaskRepository, TableWorkTaskRepository>();
        services.TryAddSingleton<ISpecEventRepository, TableSpecEventRepository>();
        services.TryAddSingleton<ILargeTextStore, TableLargeTextStore>();
        services.TryAddSingleton<IStorageHealthProbe, TableStorageHealthProbe>();
        return services;
    }

    /// <param name="configure">Lets a benchmark add pipeline policies (request counting) to the client the hosts use.</param>
    internal static TableServiceClient CreateServiceClient(StorageOptions options, Action<TableClientOptions>? configure = null)
    {
        var clientOptions = new TableClientOptions();
        configure?.Invoke(clientOptions);
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.RequestTimeout;

        if (options.TableServiceUri is { } endpoint)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            return new TableServiceClient(endpoint, credential, clientOptions);
        }

        return new TableServiceClient(options.EffectiveConnectionString, clientOptions);
    }
}
