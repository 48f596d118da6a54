using Azure.Core;
using Azure.Identity;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>The Durable Task Framework's Azure Storage orchestration service for the records' storage account.</summary>
internal static class TaskHubService
{
    /// <remarks>
    /// A 1 s polling ceiling instead of 30 s, so an idle hub notices new work at once; extended sessions keep a running
    /// orchestration in memory between its activities' results instead of replaying its history each time.
    /// </remarks>
    public static AzureStorageOrchestrationService Create(TaskHubOptions hub, StorageOptions storage, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub.TaskHub,
            StorageAccountClientProvider = ClientProvider(storage),
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            PartitionCount = hub.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivities,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            ExtendedSessionsEnabled = true,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30),
            ControlQueueVisibilityTimeout = hub.WorkerTakeover,
            WorkItemQueueVisibilityTimeout = hub.WorkerTakeover,
            LeaseInterval = hub.WorkerTakeover,
            LeaseRenewInterval = hub.WorkerTakeover / 3,
            LeaseAcquireInterval = hub.WorkerTakeover / 3,
            UseAppLease = false,
            UseTablePartitionManagement = false,
            LoggerFactory = loggerFactory,
        });

    private static StorageAccountClientProvider ClientProvider(StorageOptions storage)
    {
        if (storage.TableServiceUri is not { } tables)
        {
            return new StorageAccountClientProvider(storage.EffectiveConnectionString);
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(storage.ManagedIdentityClientId));
        return new StorageAccountClientProvider(Sibling(tables, "blob"), Sibling(tables, "queue"), tables, credential);
    }

    /// <summary>https://account.table.core.windows.net → https://account.blob.core.windows.net.</summary>
    private static Uri Sibling(Uri tables, string service) =>
        new UriBuilder(tables) { Host = tables.Host.Replace(".table.", $".{service}.", StringComparison.OrdinalIgnoreCase) }.Uri;
}
