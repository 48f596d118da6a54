using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;

namespace OmoiOs.Tests.Core.Domain.Transitions;

public sealed class WorkTaskTransitionsTests
{
    [Fact]
    public void CanTransition_TheHappyPath_IsAllowed()
    {
        WorkTaskStatus[] path = [WorkTaskStatus.Pending, WorkTaskStatus.Assigned, WorkTaskStatus.Running, WorkTaskStatus.PendingValidation, WorkTaskStatus.Validating, WorkTaskStatus.Completed];

        for (var i = 1; i < path.Length; i++)
        {
            Assert.True(WorkTaskTransitions.CanTransition(path[i - 1], path[i]), $"{path[i - 1]} → {path[i]}");
        }
    }

    [Fact]
    public void CanTransition_RevisionLoop_IsAllowed()
    {
        Assert.True(WorkTaskTransitions.CanTransition(WorkTaskStatus.Validating, WorkTaskStatus.NeedsRevision));
        Assert.True(WorkTaskTransitions.CanTransition(WorkTaskStatus.NeedsRevision, WorkTaskStatus.Running));
    }

    [Theory]
    [InlineData(WorkTaskStatus.Completed, WorkTaskStatus.Running)]
    [InlineData(WorkTaskStatus.Pending, WorkTaskStatus.Completed)]
    [InlineData(WorkTaskStatus.Cancelled, WorkTaskStatus.Pending)]
    [InlineData(WorkTaskStatus.Blocked, WorkTaskStatus.Running)]
    public void Ensure_Illegal_ThrowsNamingFromAndTo(WorkTaskStatus from, WorkTaskStatus to)
    {
        var error = Assert.Throws<InvalidTransitionException>(() => WorkTaskTransitions.Ensure("task-0123456789ab-tsk-001", from, to));

        Assert.Equal("WorkTask", error.Entity);
        Assert.Contains("task-0123456789ab-tsk-001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsFinished_CompletedFailedBlockedCancelled_AreFinal()
    {
        var finished = Enum.GetValues<WorkTaskStatus>().Where(WorkTaskTransitions.IsFinished).ToHashSet();

        Assert.Equal([WorkTaskStatus.Completed, WorkTaskStatus.Failed, WorkTaskStatus.Blocked, WorkTaskStatus.Cancelled], finished);
    }
}
