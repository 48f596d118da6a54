using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Tests.Core.Workflow;

public sealed class EndedRunReconcilerTests
{
    private const string SpecId = "spec-0123456789ab";
    private static readonly DateTimeOffset Ended = new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_FailedInstanceOfAnExecuteOnlyRun_RestartsTheSameRunCountingTheRestart()
    {
        var input = new SpecWorkflowInput(SpecId, ExecuteOnly: true, TaskIds: ["spec-task-1"]);

        var decision = EndedRunReconciler.Decide(Instance(WorkflowRuntimeStatus.Failed, failure: "Non-Deterministic workflow detected: TaskScheduledEvent", input: input), SpecStatus.ExecutingTasks, Ended);

        Assert.NotNull(decision);
        Assert.Equal("The workflow engine failed this run: Non-Deterministic workflow detected: TaskScheduledEvent", decision.Reason);
        Assert.Equal(input with { Restarts = 1 }, decision.Restart);
    }

    [Theory]
    [InlineData(SpecStatus.Planning, false)]
    [InlineData(SpecStatus.AwaitingApproval, false)]
    [InlineData(SpecStatus.PlanningComplete, true)]
    [InlineData(SpecStatus.ExecutingTasks, true)]
    public void Decide_FailedFullRun_RestartsExecuteOnlyOnceItsPlanningIsComplete(SpecStatus status, bool executeOnly)
    {
        var decision = EndedRunReconciler.Decide(Instance(WorkflowRuntimeStatus.Failed, failure: "stale message", input: new SpecWorkflowInput(SpecId)), status, Ended);

        Assert.Equal(new SpecWorkflowInput(SpecId, ExecuteOnly: executeOnly, Restarts: 1), decision?.Restart);
    }

    [Fact]
    public void Decide_FailedInstanceThatUsedEveryRestart_FailsTheSpecSayingHowOftenItRestarted()
    {
        var input = new SpecWorkflowInput(SpecId, Restarts: EndedRunReconciler.MaxRestarts);

        var decision = EndedRunReconciler.Decide(Instance(WorkflowRuntimeStatus.Failed, failure: "stale message", input: input), SpecStatus.Planning, Ended);

        Assert.Equal(new EndedRunDecision($"The workflow engine failed this run, after {EndedRunReconciler.MaxRestarts} restarts: stale message", null), decision);
    }

    [Fact]
    public void Decide_FailedInstanceWithoutOmoiOsInput_FailsTheSpecWithTheEnginesFailure()
    {
        var decision = EndedRunReconciler.Decide(Instance(WorkflowRuntimeStatus.Failed, failure: "Non-Deterministic workflow detected: TaskScheduledEvent"), SpecStatus.Planning, Ended);

        Assert.Equal(new EndedRunDecision("The workflow engine failed this run: Non-Deterministic workflow detected: TaskScheduledEvent", null), decision);
    }

    [Fact]
    public void Decide_LongFailure_KeepsItsBeginning()
    {
        var reason = EndedRunReconciler.Decide(Instance(WorkflowRuntimeStatus.Failed, failure: new string('x', 5000)), SpecStatus.Planning, Ended)?.Reason;

        Assert.NotNull(reason);
        Assert.InRange(reason.Length, 400, 500);
        Assert.EndsWith("x…", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailedWithoutDetails_SaysSo()
    {
        Assert.Equal("The workflow engine failed this run: no reason given", EndedRunReconciler.Decide(Instance(WorkflowRuntimeStatus.Failed), SpecStatus.Planning, Ended)?.Reason);
    }

    [Fact]
    public void Decide_TerminatedWithinTheGrace_LeavesItToWhoeverTerminatedItAndAfterwardsFailsWithoutRestarting()
    {
        var instance = Instance(WorkflowRuntimeStatus.Terminated, output: "cancelled by request", input: new SpecWorkflowInput(SpecId));

        Assert.Null(EndedRunReconciler.Decide(instance, SpecStatus.Planning, Ended + EndedRunReconciler.TerminationGrace - TimeSpan.FromSeconds(1)));
        Assert.Equal(
            new EndedRunDecision("The run was terminated outside OmoiOs: cancelled by request", null),
            EndedRunReconciler.Decide(instance, SpecStatus.Planning, Ended + EndedRunReconciler.TerminationGrace));
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Pending)]
    [InlineData(WorkflowRuntimeStatus.Running)]
    [InlineData(WorkflowRuntimeStatus.Completed)]
    public void Decide_InstanceThatRunsOrSettledItsSpec_DoesNothing(WorkflowRuntimeStatus status)
    {
        Assert.Null(EndedRunReconciler.Decide(Instance(status, failure: "ignored", input: new SpecWorkflowInput(SpecId)), SpecStatus.ExecutingTasks, Ended + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Decide_NoInstance_DoesNothing()
    {
        Assert.Null(EndedRunReconciler.Decide(null, SpecStatus.Planning, Ended));
    }

    private static WorkflowInstanceState Instance(WorkflowRuntimeStatus status, string? failure = null, string? output = null, SpecWorkflowInput? input = null) =>
        new(SpecId, status, null, output, failure, Ended - TimeSpan.FromMinutes(5), Ended, input);
}
