using System.Collections;
using System.Reflection;
using DurableTask.AzureStorage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// The control-queue messages a provider has fetched and not yet finished (DurableTask.AzureStorage 2.x keeps their ids
/// in its stats, <c>PendingOrchestratorMessages</c>, and offers no accessor). It stops fetching while it holds
/// <see cref="TaskHubService.PrefetchLimit"/> of them.
/// </summary>
internal static class PrefetchedMessages
{
    private static readonly FieldInfo Stats = typeof(AzureStorageOrchestrationService).GetField("stats", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("DurableTask.AzureStorage no longer keeps its stats in a field named stats; PrefetchedMessages must be revisited.");

    /// <summary>The provider's own record of the messages it holds (message id → marker), which it adds to and removes from.</summary>
    public static IDictionary Of(AzureStorageOrchestrationService service)
    {
        var stats = Stats.GetValue(service) ?? throw new InvalidOperationException("The provider has no stats.");
        return stats.GetType().GetProperty("PendingOrchestratorMessages")?.GetValue(stats) as IDictionary
            ?? throw new InvalidOperationException("DurableTask.AzureStorage no longer keeps PendingOrchestratorMessages; PrefetchedMessages must be revisited.");
    }

    public static IReadOnlyCollection<string> IdsOf(AzureStorageOrchestrationService service) => Of(service).Keys.Cast<string>().ToList();
}
