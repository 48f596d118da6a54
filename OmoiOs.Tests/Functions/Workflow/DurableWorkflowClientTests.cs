using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Functions.Workflow;

namespace OmoiOs.Tests.Functions.Workflow;

public sealed class DurableWorkflowClientTests
{
    private const string InstanceId = "spec-0123456789ab";
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly Mock<DurableTaskClient> _client = new("test");

    [Fact]
    public async Task StartAsync_NoInstanceYet_SchedulesTheWorkflowUnderTheGivenInstanceId()
    {
        _client.Setup(c => c.GetInstanceAsync(InstanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        var input = new SpecWorkflowInput(InstanceId);

        var start = await new DurableWorkflowClient(_client.Object).StartAsync(InstanceId, input, CancellationToken.None);

        Assert.Equal(new WorkflowStart(InstanceId, Started: true), start);
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(new TaskName(WorkflowNames.SpecWorkflow), input, It.Is<StartOrchestrationOptions>(o => o.InstanceId == InstanceId), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task StartAsync_InstanceUnfinished_SchedulesNothingAndAnswersWithIt(OrchestrationRuntimeStatus status)
    {
        _client.Setup(c => c.GetInstanceAsync(InstanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Instance(status));

        var start = await new DurableWorkflowClient(_client.Object).StartAsync(InstanceId, new SpecWorkflowInput(InstanceId), CancellationToken.None);

        Assert.Equal(new WorkflowStart(InstanceId, Started: false), start);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task StartAsync_InstanceFinished_StartsItAgain(OrchestrationRuntimeStatus status)
    {
        _client.Setup(c => c.GetInstanceAsync(InstanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Instance(status));

        var start = await new DurableWorkflowClient(_client.Object).StartAsync(InstanceId, new SpecWorkflowInput(InstanceId, ExecuteOnly: true), CancellationToken.None);

        Assert.True(start.Started);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetAsync_FailedInstance_MapsItsMetadata()
    {
        var updated = Created.AddMinutes(5);
        _client
            .Setup(c => c.GetInstanceAsync(InstanceId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.SpecWorkflow, InstanceId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Failed,
                CreatedAt = Created,
                LastUpdatedAt = updated,
                SerializedCustomStatus = """{"phase":"design","progress":18}""",
                SerializedOutput = null,
                FailureDetails = new TaskFailureDetails("System.IO.IOException", "disk full", null, null, null),
            });

        var state = await new DurableWorkflowClient(_client.Object).GetAsync(InstanceId, CancellationToken.None);

        Assert.Equal(
            new WorkflowInstanceState(InstanceId, WorkflowRuntimeStatus.Failed, """{"phase":"design","progress":18}""", null, "disk full", Created, updated),
            state);
    }

    [Fact]
    public async Task GetAsync_NoInstance_ReturnsNull()
    {
        _client.Setup(c => c.GetInstanceAsync(InstanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.Null(await new DurableWorkflowClient(_client.Object).GetAsync(InstanceId, CancellationToken.None));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, WorkflowRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running, WorkflowRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, WorkflowRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed, WorkflowRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed, WorkflowRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, WorkflowRuntimeStatus.Terminated)]
    public void ToWorkflowStatus_EveryDurableStatus_MapsToTheWorkflowStatusOfTheSameMeaning(OrchestrationRuntimeStatus durable, WorkflowRuntimeStatus expected) =>
        Assert.Equal(expected, DurableWorkflowClient.ToWorkflowStatus(durable));

    [Fact]
    public async Task RaiseApprovalAsync_Decision_RaisesTheApprovalEventWithIt()
    {
        var decision = new ApprovalDecision(ApprovalGate.Design, Approved: false, "split the API layer");

        await new DurableWorkflowClient(_client.Object).RaiseApprovalAsync(InstanceId, decision, CancellationToken.None);

        _client.Verify(c => c.RaiseEventAsync(InstanceId, WorkflowNames.ApprovalEvent, decision, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task TerminateAsync_Reason_TerminatesWithTheReasonAsOutput()
    {
        await new DurableWorkflowClient(_client.Object).TerminateAsync(InstanceId, "cancelled by request", CancellationToken.None);

        _client.Verify(
            c => c.TerminateInstanceAsync(InstanceId, It.Is<TerminateInstanceOptions?>(o => o != null && (string?)o.Output == "cancelled by request"), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    private static OrchestrationMetadata Instance(OrchestrationRuntimeStatus status) =>
        new(WorkflowNames.SpecWorkflow, InstanceId) { RuntimeStatus = status, CreatedAt = Created, LastUpdatedAt = Created };
}
