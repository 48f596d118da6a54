using System.Collections;
using System.Reflection;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

/// <summary>On the real provider: what it keeps of an activity whose message could not be given back is dropped.</summary>
public sealed class AbandonFailureRepairTests
{
    [Fact]
    public async Task AbandonTaskActivityWorkItemAsync_ProviderFailsToGiveTheMessageBack_TheProviderForgetsTheActivity()
    {
        var provider = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = "RepairTest",
            StorageAccountClientProvider = new StorageAccountClientProvider("UseDevelopmentStorage=true"),
        });
        var running = (IDictionary)typeof(AzureStorageOrchestrationService).GetField("activeActivitySessions", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(provider)!;
        // An activity the provider holds without a session it can use: its own abandon fails, as it does when storage is down.
        running.Add("message-1", null);

        await new AbandonFailureRepair(provider, NullLogger.Instance).AbandonTaskActivityWorkItemAsync(new TaskActivityWorkItem { Id = "message-1" });

        Assert.False(running.Contains("message-1"));
    }
}
