using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Functions.Workflow;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Workflow;

/// <summary>The timer function over the real services on Azurite and <c>new Mock&lt;DurableTaskClient&gt;("test")</c>.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EndedRunSweepFunctionTests : IDisposable
{
    private readonly FunctionsServices _services = new();
    private readonly Mock<DurableTaskClient> _client = new("test");

    [Fact]
    public async Task RunAsync_OrchestrationFailedWithItsSpecPlanning_FailsTheSpecWithDurablesMessage()
    {
        var stuck = await PlanningSpecAsync();
        var running = await PlanningSpecAsync();
        Instance(stuck.Id, OrchestrationRuntimeStatus.Failed, new TaskFailureDetails("NonDeterministicOrchestrationException", "Non-Deterministic workflow detected", null, null, null));
        Instance(running.Id, OrchestrationRuntimeStatus.Running, null);

        await new EndedRunSweepFunction(_services.Get<EndedRunReconciler>(), FunctionsServices.Logger<EndedRunSweepFunction>())
            .RunAsync(new TimerInfo(), _client.Object, CancellationToken.None);

        var specs = _services.Get<ISpecRepository>();
        var failed = await specs.GetAsync(stuck.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.Failed, failed.Status);
        Assert.Equal("The workflow engine failed this run: Non-Deterministic workflow detected", failed.FailureReason);
        Assert.Equal(SpecStatus.Planning, (await specs.GetAsync(running.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task RunAsync_OrchestrationOmoiOsStartedFailed_StartsItAgainWithTheSameInputCountingTheRestart()
    {
        var stuck = await PlanningSpecAsync();
        var input = new SpecWorkflowInput(stuck.Id, ExecuteOnly: true);
        Instance(stuck.Id, OrchestrationRuntimeStatus.Failed, new TaskFailureDetails("JsonException", "The JSON value could not be converted", null, null, null), input);
        _client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(stuck.InstanceId);

        await new EndedRunSweepFunction(_services.Get<EndedRunReconciler>(), FunctionsServices.Logger<EndedRunSweepFunction>())
            .RunAsync(new TimerInfo(), _client.Object, CancellationToken.None);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.SpecWorkflow,
            It.Is<object?>(o => o is SpecWorkflowInput && ((SpecWorkflowInput)o).ExecuteOnly && ((SpecWorkflowInput)o).Restarts == 1),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == stuck.InstanceId),
            It.IsAny<CancellationToken>()), Times.Once);
        var noted = await _services.Get<ISpecRepository>().GetAsync(stuck.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.Planning, noted.Status);
        Assert.Equal($"The workflow engine failed this run: The JSON value could not be converted The run was restarted (1 of {EndedRunReconciler.MaxRestarts}).", noted.LastError);
    }

    private async Task<Spec> PlanningSpecAsync()
    {
        var spec = await _services.CreateSpecAsync();
        return await _services.Get<ISpecRepository>().UpdateAsync(spec.Id, s => s with { Status = SpecStatus.Planning }, null, CancellationToken.None);
    }

    private void Instance(string instanceId, OrchestrationRuntimeStatus status, TaskFailureDetails? failure, SpecWorkflowInput? input = null) =>
        _client
            .Setup(c => c.GetInstanceAsync(instanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.SpecWorkflow, instanceId)
            {
                RuntimeStatus = status,
                FailureDetails = failure,
                LastUpdatedAt = DateTimeOffset.UtcNow,
                SerializedInput = input is null ? null : JsonDataConverter.Default.Serialize(input),
                DataConverter = JsonDataConverter.Default,
            });

    public void Dispose() => _services.Dispose();
}
