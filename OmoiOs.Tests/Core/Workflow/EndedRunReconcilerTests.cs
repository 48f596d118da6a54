using OmoiOs.Core.Workflow;

namespace OmoiOs.Tests.Core.Workflow;

public sealed class EndedRunReconcilerTests
{
    private static readonly DateTimeOffset Ended = new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReasonToFail_FailedInstance_NamesTheEnginesFailure()
    {
        var reason = EndedRunReconciler.ReasonToFail(Instance(WorkflowRuntimeStatus.Failed, failure: "Non-Deterministic workflow detected: TaskScheduledEvent"), Ended);

        Assert.Equal("The workflow engine failed this run: Non-Deterministic workflow detected: TaskScheduledEvent", reason);
    }

    [Fact]
    public void ReasonToFail_LongFailure_KeepsItsBeginning()
    {
        var reason = EndedRunReconciler.ReasonToFail(Instance(WorkflowRuntimeStatus.Failed, failure: new string('x', 5000)), Ended);

        Assert.NotNull(reason);
        Assert.InRange(reason.Length, 400, 500);
        Assert.EndsWith("x…", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonToFail_FailedWithoutDetails_SaysSo()
    {
        Assert.Equal("The workflow engine failed this run: no reason given", EndedRunReconciler.ReasonToFail(Instance(WorkflowRuntimeStatus.Failed), Ended));
    }

    [Fact]
    public void ReasonToFail_TerminatedWithinTheGrace_LeavesItToWhoeverTerminatedIt()
    {
        var instance = Instance(WorkflowRuntimeStatus.Terminated, output: "cancelled by request");

        Assert.Null(EndedRunReconciler.ReasonToFail(instance, Ended + EndedRunReconciler.TerminationGrace - TimeSpan.FromSeconds(1)));
        Assert.Equal("The run was terminated outside OmoiOs: cancelled by request", EndedRunReconciler.ReasonToFail(instance, Ended + EndedRunReconciler.TerminationGrace));
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Pending)]
    [InlineData(WorkflowRuntimeStatus.Running)]
    [InlineData(WorkflowRuntimeStatus.Completed)]
    public void ReasonToFail_InstanceThatRunsOrSettledItsSpec_IsNoReason(WorkflowRuntimeStatus status)
    {
        Assert.Null(EndedRunReconciler.ReasonToFail(Instance(status, failure: "ignored"), Ended + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ReasonToFail_NoInstance_IsNoReason()
    {
        Assert.Null(EndedRunReconciler.ReasonToFail(null, Ended));
    }

    private static WorkflowInstanceState Instance(WorkflowRuntimeStatus status, string? failure = null, string? output = null) =>
        new("spec-0123456789ab", status, null, output, failure, Ended - TimeSpan.FromMinutes(5), Ended);
}
