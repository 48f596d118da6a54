using Azure.Core;
using Azure.Identity;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>The Durable Task Framework's Azure Storage orchestration service for the records' storage account.</summary>
internal static class TaskHubService
{
    /// <summary>Control-queue messages a worker holds fetched but unfinished before it pauses fetching (the provider's default, stated).</summary>
    public const int PrefetchLimit = 64;

    /// <remarks>
    /// A 1 s polling ceiling instead of 30 s, so an idle hub notices new work at once; extended sessions keep a running
    /// orchestration in memory between its activities' results instead of replaying its history each time.
    /// </remarks>
    /// <param name="configureClients">Applied to the provider's blob, queue and table client options (a figure counts requests with it).</param>
    public static AzureStorageOrchestrationService Create(TaskHubOptions hub, StorageOptions storage, ILoggerFactory loggerFactory, Action<ClientOptions>? configureClients = null) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub.TaskHub,
            StorageAccountClientProvider = ClientProvider(storage, configureClients),
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            PartitionCount = hub.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivities,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            ExtendedSessionsEnabled = true,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30),
            ControlQueueBufferThreshold = PrefetchLimit,
            ControlQueueVisibilityTimeout = hub.WorkerTakeover,
            WorkItemQueueVisibilityTimeout = hub.WorkerTakeover,
            LeaseInterval = hub.WorkerTakeover,
            LeaseRenewInterval = hub.WorkerTakeover / 3,
            LeaseAcquireInterval = TimeSpan.FromSeconds(1),
            UseAppLease = false,
            UseTablePartitionManagement = false,
            LoggerFactory = loggerFactory,
        });

    private static StorageAccountClientProvider ClientProvider(StorageOptions storage, Action<ClientOptions>? configure)
    {
        var blobs = Configured(new BlobClientOptions(), configure);
        var queues = Configured(new QueueClientOptions(), configure);
        var tables = Configured(new TableClientOptions(), configure);
        if (storage.TableServiceUri is not { } tableEndpoint)
        {
            var connection = storage.EffectiveConnectionString;
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connection, blobs),
                StorageServiceClientProvider.ForQueue(connection, queues),
                StorageServiceClientProvider.ForTable(connection, tables));
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(storage.ManagedIdentityClientId));
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(Sibling(tableEndpoint, "blob"), credential, blobs),
            StorageServiceClientProvider.ForQueue(Sibling(tableEndpoint, "queue"), credential, queues),
            StorageServiceClientProvider.ForTable(tableEndpoint, credential, tables));
    }

    private static T Configured<T>(T options, Action<ClientOptions>? configure)
        where T : ClientOptions
    {
        configure?.Invoke(options);
        return options;
    }

    /// <summary>https://account.table.core.windows.net → https://account.blob.core.windows.net.</summary>
    private static Uri Sibling(Uri tables, string service) =>
        new UriBuilder(tables) { Host = tables.Host.Replace(".table.", $".{service}.", StringComparison.OrdinalIgnoreCase) }.Uri;
}
