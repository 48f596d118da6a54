using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Fakes;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Http;

/// <summary>The routes that steer a run, over the real services on Azurite and <c>new Mock&lt;DurableTaskClient&gt;("test")</c>.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SpecRunFunctionsTests(PlannedSpecFixture planned) : IClassFixture<PlannedSpecFixture>
{
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly FakeCheckStatusResponseFactory _checkStatus = new();

    private FunctionsServices Services => planned.Services;

    [Fact]
    public async Task ExecuteAsync_DraftSpec_StartsTheWorkflowUnderTheSpecIdAndAnswersWithDurablesCheckStatus()
    {
        var spec = await Services.CreateSpecAsync();
        NoInstance(spec.Id);

        var response = Answer(await CreateSut().ExecuteAsync(Services.Post($"specs/{spec.Id}/execute", null, null), spec.Id, _client.Object, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([spec.Id], _checkStatus.InstanceIds);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(spec.Id, body.RootElement.GetProperty("id").GetString());
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(WorkflowNames.SpecWorkflow),
                new SpecWorkflowInput(spec.Id, false, null),
                It.Is<StartOrchestrationOptions>(o => o.InstanceId == spec.Id),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_RunAlreadyInProgress_StartsNoSecondRunAndAnswersWithTheRunningInstance()
    {
        var spec = await Services.CreateSpecAsync();
        Instance(spec.Id, OrchestrationRuntimeStatus.Running);

        var response = Answer(await CreateSut().ExecuteAsync(Services.Post($"specs/{spec.Id}/execute", null, null), spec.Id, _client.Object, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([spec.Id], _checkStatus.InstanceIds);
        VerifyNothingScheduled();
    }

    [Fact]
    public async Task ExecuteAsync_UnknownSpec_Returns404AndStartsNothing()
    {
        var response = await CreateSut().ExecuteAsync(Services.Post("specs/spec-000000000000/execute", null, null), "spec-000000000000", _client.Object, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
        VerifyNothingScheduled();
        Assert.Empty(_checkStatus.InstanceIds);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledSpec_Returns409AndStartsNothing()
    {
        var spec = await Services.CreateSpecAsync();
        NoInstance(spec.Id);
        await CreateSut().CancelAsync(Services.Post($"specs/{spec.Id}/cancel", null, null), spec.Id, _client.Object, CancellationToken.None);

        var response = await CreateSut().ExecuteAsync(Services.Post($"specs/{spec.Id}/execute", null, null), spec.Id, _client.Object, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
        Assert.Contains("cancelled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        VerifyNothingScheduled();
    }

    [Fact]
    public async Task ApproveAsync_GatePending_RaisesTheApprovalEventAndReturns202()
    {
        var spec = await AwaitingApprovalAsync(ApprovalGate.Requirements);

        var response = Answer(await CreateSut().ApproveAsync(
            Services.PostJson($"specs/{spec.Id}/approve", """{"gate": "requirements", "approved": false, "comment": "split REQ-2"}"""), spec.Id, _client.Object, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([$"/api/specs/{spec.Id}"], response.Headers.GetValues("Location"));
        _client.Verify(
            c => c.RaiseEventAsync(spec.Id, WorkflowNames.ApprovalEvent, new ApprovalDecision(ApprovalGate.Requirements, false, "split REQ-2"), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ApproveAsync_OtherGatePending_Returns409AndRaisesNothing()
    {
        var spec = await AwaitingApprovalAsync(ApprovalGate.Requirements);

        var response = await CreateSut().ApproveAsync(Services.PostJson($"specs/{spec.Id}/approve", """{"gate": "design", "approved": true}"""), spec.Id, _client.Object, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
        Assert.Contains("no design approval is pending", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        VerifyNoEventRaised();
    }

    [Fact]
    public async Task ApproveAsync_NothingPending_Returns409AndRaisesNothing()
    {
        var spec = await Services.CreateSpecAsync();

        var response = await CreateSut().ApproveAsync(Services.PostJson($"specs/{spec.Id}/approve", """{"gate": "requirements", "approved": true}"""), spec.Id, _client.Object, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
        VerifyNoEventRaised();
    }

    [Theory]
    [InlineData("""{"approved": true}""", "gate")]
    [InlineData("""{"gate": "design"}""", "approved")]
    public async Task ApproveAsync_FieldMissing_Returns400NamingIt(string body, string field)
    {
        var spec = await AwaitingApprovalAsync(ApprovalGate.Design);

        var response = await CreateSut().ApproveAsync(Services.PostJson($"specs/{spec.Id}/approve", body), spec.Id, _client.Object, CancellationToken.None);

        Assert.Equal([field], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response)));
        VerifyNoEventRaised();
    }

    [Fact]
    public async Task ApproveAsync_UnknownGate_Returns400NamingWhereItIs()
    {
        var spec = await AwaitingApprovalAsync(ApprovalGate.Design);

        var response = await CreateSut().ApproveAsync(Services.PostJson($"specs/{spec.Id}/approve", """{"gate": "tasks", "approved": true}"""), spec.Id, _client.Object, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response);
        Assert.Contains("$.gate", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        VerifyNoEventRaised();
    }

    [Fact]
    public async Task ExecuteTasksAsync_PlanningComplete_StartsAnExecuteOnlyRunAndReportsTheBridgedTasks()
    {
        NoInstance(planned.Spec.Id);

        var response = Answer(await CreateSut().ExecuteTasksAsync(Services.Post($"specs/{planned.Spec.Id}/execute-tasks", null, null), planned.Spec.Id, _client.Object, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([$"/api/specs/{planned.Spec.Id}/execution-status"], response.Headers.GetValues("Location"));
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(planned.TicketId, body.RootElement.GetProperty("ticketId").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("tasksCreated").GetInt32());
        Assert.True(body.RootElement.GetProperty("tasksSkipped").GetInt32() > 0);
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(WorkflowNames.SpecWorkflow),
                It.Is<SpecWorkflowInput>(i => i.SpecId == planned.Spec.Id && i.ExecuteOnly && i.TaskIds == null),
                It.Is<StartOrchestrationOptions>(o => o.InstanceId == planned.Spec.Id),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ExecuteTasksAsync_PlanningNotComplete_Returns409AndStartsNothing()
    {
        var spec = await Services.CreateSpecAsync();

        var response = await CreateSut().ExecuteTasksAsync(Services.PostJson($"specs/{spec.Id}/execute-tasks", """{"taskIds": []}"""), spec.Id, _client.Object, CancellationToken.None);

        var problem = ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
        Assert.Contains("planning to be complete", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        VerifyNothingScheduled();
    }

    [Fact]
    public async Task ExecuteTasksAsync_RunInProgress_Returns409AndStartsNothing()
    {
        Instance(planned.Spec.Id, OrchestrationRuntimeStatus.Running);

        var response = await CreateSut().ExecuteTasksAsync(Services.Post($"specs/{planned.Spec.Id}/execute-tasks", null, null), planned.Spec.Id, _client.Object, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
        VerifyNothingScheduled();
    }

    [Fact]
    public async Task ExecuteTasksAsync_MalformedBody_Returns400()
    {
        var response = await CreateSut().ExecuteTasksAsync(Services.PostJson($"specs/{planned.Spec.Id}/execute-tasks", """{"taskIds": "TSK-001"}"""), planned.Spec.Id, _client.Object, CancellationToken.None);

        Assert.Contains("$.taskIds", ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response).GetProperty("detail").GetString(), StringComparison.Ordinal);
        VerifyNothingScheduled();
    }

    [Fact]
    public async Task CancelAsync_RunInProgress_TerminatesItAndAnswersWithTheCancelledSpec()
    {
        var spec = await Services.CreateSpecAsync();
        Instance(spec.Id, OrchestrationRuntimeStatus.Running);

        var response = Answer(await CreateSut().CancelAsync(Services.Post($"specs/{spec.Id}/cancel", null, null), spec.Id, _client.Object, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal("cancelled", body.RootElement.GetProperty("status").GetString());
        _client.Verify(c => c.TerminateInstanceAsync(spec.Id, It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(SpecStatus.Cancelled, (await Services.Specs.GetAsync(spec.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task CancelAsync_AlreadyCancelled_Returns409AndTerminatesNothing()
    {
        var spec = await Services.CreateSpecAsync();
        NoInstance(spec.Id);
        await CreateSut().CancelAsync(Services.Post($"specs/{spec.Id}/cancel", null, null), spec.Id, _client.Object, CancellationToken.None);

        var response = await CreateSut().CancelAsync(Services.Post($"specs/{spec.Id}/cancel", null, null), spec.Id, _client.Object, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.Conflict, response);
        _client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(nameof(SpecRunFunctions.ExecuteAsync), "ExecuteSpec", "api/specs/{id}/execute")]
    [InlineData(nameof(SpecRunFunctions.ApproveAsync), "ApproveSpec", "api/specs/{id}/approve")]
    [InlineData(nameof(SpecRunFunctions.ExecuteTasksAsync), "ExecuteSpecTasks", "api/specs/{id}/execute-tasks")]
    [InlineData(nameof(SpecRunFunctions.CancelAsync), "CancelSpec", "api/specs/{id}/cancel")]
    public void Declarations_EachFunction_IsAKeyedPostOnItsRouteWithADurableClient(string method, string function, string route)
    {
        var declaration = typeof(SpecRunFunctions).GetMethod(method)!;

        TriggerAssert.Declares(declaration, function, "post", route);
        Assert.Contains(declaration.GetParameters(), p => p.ParameterType == typeof(DurableTaskClient) && p.IsDefined(typeof(Microsoft.Azure.Functions.Worker.DurableClientAttribute), false));
    }

    private static TestHttpResponseData Answer(HttpResponseData response) => Assert.IsType<TestHttpResponseData>(response);

    private SpecRunFunctions CreateSut() => new(Services.Specs, _checkStatus, FunctionsServices.Logger<SpecRunFunctions>());

    /// <summary>A spec the real activities have put in <c>awaiting_approval</c> for <paramref name="gate"/>.</summary>
    private async Task<Spec> AwaitingApprovalAsync(ApprovalGate gate)
    {
        var spec = await Services.CreateSpecAsync();
        await Services.Get<StartPlanningActivity>().RunAsync(new StartPlanningInput(spec.Id, ExecuteOnly: false), CancellationToken.None);
        await Services.Get<RequestApprovalActivity>().RunAsync(new RequestApprovalInput(spec.Id, gate), CancellationToken.None);
        Instance(spec.Id, OrchestrationRuntimeStatus.Running);
        return spec;
    }

    private void NoInstance(string instanceId) =>
        _client.Setup(c => c.GetInstanceAsync(instanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

    private void Instance(string instanceId, OrchestrationRuntimeStatus status) =>
        _client
            .Setup(c => c.GetInstanceAsync(instanceId, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.SpecWorkflow, instanceId) { RuntimeStatus = status });

    private void VerifyNothingScheduled() =>
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);

    private void VerifyNoEventRaised() =>
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
}
