using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Moq;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Functions.Workflow;

namespace OmoiOs.Tests.Functions.Workflow;

/// <summary>The orchestrator function on <c>Mock&lt;TaskOrchestrationContext&gt;</c>, the ecosystem's way of testing orchestrations.</summary>
public sealed class SpecWorkflowFunctionTests
{
    private const string SpecId = "spec-0123456789ab";
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    // CallBase so Durable's own WaitForExternalEvent(name, timeout) runs over the timer and event set up below.
    private readonly Mock<TaskOrchestrationContext> _context = new() { CallBase = true };
    private readonly List<(string Name, object? Input, TaskOptions? Options)> _calls = [];
    private readonly List<WorkflowStatus> _statuses = [];

    public SpecWorkflowFunctionTests()
    {
        _context.SetupGet(c => c.InstanceId).Returns(SpecId);
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _context.Setup(c => c.NewGuid()).Returns(new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"));
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => _statuses.Add(Assert.IsType<WorkflowStatus>(status)));
    }

    [Fact]
    public async Task RunAsync_PlanningPassesAndTwoTasksRun_CallsEveryStepInOrderAndReportsEachPhase()
    {
        Given(new SpecWorkflowInput(SpecId), Settings());
        Answer(Activity<RunPhaseActivity>(), (RunPhaseInput input) => new PhaseAttemptResult(input.Phase, input.Attempt, Passed: true, 0.92, string.Empty, 0m));
        Answer(Activity<SyncActivity>(), (SyncInput _) => new SyncResult(3, 6, 2, ReadyForExecution: true, []));
        Answer(Activity<PrepareExecutionActivity>(), (PrepareExecutionInput _) => Plan(PlannedTask("task-a"), PlannedTask("task-b", "task-a")));
        Answer(Activity<RunTaskAttemptActivity>(), (RunTaskAttemptInput input) => new TaskAttemptResult(input.TaskId, input.Attempt, WorkTaskStatus.Completed, null, null, 0m));
        Answer(Activity<CompleteSpecActivity>(), (CompleteSpecInput input) => new SpecWorkflowResult(input.SpecId, "Completed", input.FailureReason, 2, 0, 0));

        var result = await SpecWorkflowFunction.RunAsync(_context.Object);

        Assert.Equal(new SpecWorkflowResult(SpecId, "Completed", null, 2, 0, 0), result);
        Assert.Equal(
            [Activity<StartPlanningActivity>(), Activity<RunPhaseActivity>(), Activity<RunPhaseActivity>(), Activity<RunPhaseActivity>(), Activity<RunPhaseActivity>(),
             Activity<SyncActivity>(), Activity<PrepareExecutionActivity>(), Activity<RunTaskAttemptActivity>(), Activity<RunTaskAttemptActivity>(), Activity<CompleteSpecActivity>()],
            _calls.Select(c => c.Name));
        Assert.Equal([SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design, SpecPhase.Tasks], Inputs<RunPhaseInput>().Select(i => i.Phase));
        Assert.Equal(["task-a", "task-b"], Inputs<RunTaskAttemptInput>().Select(i => i.TaskId));
        Assert.Equal(new StartPlanningInput(SpecId, ExecuteOnly: false), Inputs<StartPlanningInput>().Single());
        Assert.All(_calls, c => Assert.Equal(SpecWorkflow.ActivityRetry.MaxNumberOfAttempts, c.Options?.Retry?.Policy?.MaxNumberOfAttempts));

        Assert.Equal(
            [SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design, SpecPhase.Tasks, SpecPhase.Sync, SpecPhase.Execute, SpecPhase.Complete],
            _statuses.Select(s => s.Phase).Distinct());
        Assert.Contains(new WorkflowStatus(SpecPhase.Execute, 100, new TaskCounts(0, 0, 2, 0, 0)), _statuses);
        Assert.Equal(new WorkflowStatus(SpecPhase.Complete, 100, TaskCounts.None), _statuses[^1]);
    }

    [Fact]
    public async Task RunAsync_TaskActivityFailsInDurable_FailsTheSpecNamingTheActivity()
    {
        Given(new SpecWorkflowInput(SpecId, ExecuteOnly: true), Settings());
        Answer(Activity<PrepareExecutionActivity>(), (PrepareExecutionInput _) => Plan(PlannedTask("task-a")));
        _context
            .Setup(c => c.CallActivityAsync<TaskAttemptResult>(Named(Activity<RunTaskAttemptActivity>()), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                _calls.Add((name.Name, input, options));
                return Task.FromException<TaskAttemptResult>(new TaskFailedException(name.Name, 7, new IOException("sandbox vanished")));
            });
        Answer(Activity<FailSpecActivity>(), (FailSpecInput _) => true);

        var result = await SpecWorkflowFunction.RunAsync(_context.Object);

        Assert.Equal([Activity<StartPlanningActivity>(), Activity<PrepareExecutionActivity>(), Activity<RunTaskAttemptActivity>(), Activity<FailSpecActivity>()], _calls.Select(c => c.Name));
        var failed = Inputs<FailSpecInput>().Single();
        Assert.Equal(SpecId, failed.SpecId);
        Assert.Contains(Activity<RunTaskAttemptActivity>(), failed.Reason, StringComparison.Ordinal);
        Assert.Contains("sandbox vanished", failed.Reason, StringComparison.Ordinal);
        Assert.Equal("Failed", result.Status);
        Assert.Equal(new WorkflowStatus(SpecPhase.Complete, 100, TaskCounts.None), _statuses[^1]);
    }

    [Fact]
    public async Task RunAsync_RequirementsNeedApproval_WaitsForTheApprovalEventAndRecordsTheDecision()
    {
        Given(new SpecWorkflowInput(SpecId), Settings(requireApproval: [ApprovalGate.Requirements]));
        Answer(Activity<RunPhaseActivity>(), (RunPhaseInput input) => new PhaseAttemptResult(input.Phase, input.Attempt, Passed: true, 0.9, string.Empty, 0m));
        Answer(Activity<RequestApprovalActivity>(), (RequestApprovalInput _) => true);
        Answer(Activity<ResolveApprovalActivity>(), (ResolveApprovalInput _) => true);
        Answer(Activity<SyncActivity>(), (SyncInput _) => new SyncResult(1, 1, 0, ReadyForExecution: true, []));
        Answer(Activity<PrepareExecutionActivity>(), (PrepareExecutionInput _) => Plan());
        Answer(Activity<CompleteSpecActivity>(), (CompleteSpecInput input) => new SpecWorkflowResult(input.SpecId, "Completed", null, 0, 0, 0));
        var decision = new ApprovalDecision(ApprovalGate.Requirements, Approved: true, "looks right");
        _context
            .Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime _, CancellationToken token) => Task.Delay(Timeout.Infinite, token));
        _context.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(WorkflowNames.ApprovalEvent, It.IsAny<CancellationToken>())).ReturnsAsync(decision);

        await SpecWorkflowFunction.RunAsync(_context.Object);

        Assert.Equal(
            [Activity<StartPlanningActivity>(), Activity<RunPhaseActivity>(), Activity<RunPhaseActivity>(), Activity<RequestApprovalActivity>(), Activity<ResolveApprovalActivity>(),
             Activity<RunPhaseActivity>(), Activity<RunPhaseActivity>(), Activity<SyncActivity>(), Activity<PrepareExecutionActivity>(), Activity<CompleteSpecActivity>()],
            _calls.Select(c => c.Name));
        Assert.Equal(new ResolveApprovalInput(SpecId, decision), Inputs<ResolveApprovalInput>().Single());
        _context.Verify(c => c.CreateTimer(Now.AddSeconds(3600), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_StartedWithoutInput_ThrowsNamingTheInstance()
    {
        _context.Setup(c => c.GetInput<SpecWorkflowInput>()).Returns((SpecWorkflowInput?)null);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => SpecWorkflowFunction.RunAsync(_context.Object));

        Assert.Contains(SpecId, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_Declaration_IsTheOrchestratorNamedAfterTheWorkflow()
    {
        var method = typeof(SpecWorkflowFunction).GetMethod(nameof(SpecWorkflowFunction.RunAsync))!;

        Assert.Equal(WorkflowNames.SpecWorkflow, method.GetCustomAttribute<FunctionAttribute>()!.Name);
        Assert.NotNull(Assert.Single(method.GetParameters()).GetCustomAttribute<OrchestrationTriggerAttribute>());
    }

    private static SpecRunSettings Settings(IReadOnlyList<ApprovalGate>? requireApproval = null) =>
        new(SpecId, requireApproval ?? [], MaxParallelTasks: 4, BudgetUsd: null, MaxRetries: 2, ApprovalTimeoutSeconds: 3600, CostUsd: 0m);

    private static ExecutionPlanInput Plan(params PlannedWorkTask[] tasks) => new(SpecId, "ticket-0123456789ab", tasks);

    private static PlannedWorkTask PlannedTask(string id, params string[] dependsOn) =>
        new(id, dependsOn, Priority.Medium, 1.0, WorkTaskStatus.Pending, 0, 2, new DateTimeOffset(Now));

    private static TaskName Named(string name) => It.Is<TaskName>(n => n.Name == name);

    private void Given(SpecWorkflowInput input, SpecRunSettings settings)
    {
        _context.Setup(c => c.GetInput<SpecWorkflowInput>()).Returns(input);
        Answer(Activity<StartPlanningActivity>(), (StartPlanningInput _) => settings);
    }

    /// <summary>Answers every call of <paramref name="activity"/> from its input, recording the call.</summary>
    private void Answer<TInput, TResult>(string activity, Func<TInput, TResult> answer) =>
        _context
            .Setup(c => c.CallActivityAsync<TResult>(Named(activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) =>
            {
                _calls.Add((name.Name, input, options));
                return Task.FromResult(answer(Assert.IsType<TInput>(input)));
            });

    private IEnumerable<T> Inputs<T>() => _calls.Select(c => c.Input).OfType<T>();

    private static string Activity<TActivity>() => WorkflowActivityCatalog.NameOf<TActivity>();
}
