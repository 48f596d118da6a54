using DurableTask.AzureStorage;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

/// <summary>The local hosts' client of the task hub, on the Azure Storage provider on Azurite, with no worker running.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TaskHubWorkflowClientTests : IDisposable
{
    private readonly ServicesHarness _services = new();

    [Fact]
    public async Task StartAsync_SameInstanceWhileTheFirstIsUnfinished_StartsNothingNew()
    {
        await _services.Get<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
        _services.UsesHub();
        var specId = TestRecords.NewSpecId();

        var first = await _services.Workflows.StartAsync(specId, new SpecWorkflowInput(specId), CancellationToken.None);
        var second = await _services.Workflows.StartAsync(specId, new SpecWorkflowInput(specId, ExecuteOnly: true), CancellationToken.None);

        Assert.True(first.Started);
        Assert.False(second.Started);
        var state = await _services.Workflows.GetAsync(specId, CancellationToken.None);
        Assert.Equal(WorkflowRuntimeStatus.Pending, state!.Status);
    }

    public void Dispose() => _services.Dispose();
}
