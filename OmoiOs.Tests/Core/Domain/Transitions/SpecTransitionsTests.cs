using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;

namespace OmoiOs.Tests.Core.Domain.Transitions;

public sealed class SpecTransitionsTests
{
    [Theory]
    [InlineData(SpecStatus.Draft, SpecStatus.Planning)]
    [InlineData(SpecStatus.Planning, SpecStatus.AwaitingApproval)]
    [InlineData(SpecStatus.AwaitingApproval, SpecStatus.Planning)]
    [InlineData(SpecStatus.Planning, SpecStatus.PlanningComplete)]
    [InlineData(SpecStatus.PlanningComplete, SpecStatus.ExecutingTasks)]
    [InlineData(SpecStatus.ExecutingTasks, SpecStatus.Completed)]
    [InlineData(SpecStatus.ExecutingTasks, SpecStatus.Failed)]
    [InlineData(SpecStatus.ExecutingTasks, SpecStatus.Cancelled)]
    [InlineData(SpecStatus.Failed, SpecStatus.ExecutingTasks)]
    public void CanTransition_AlongTheLifecycle_IsAllowed(SpecStatus from, SpecStatus to) =>
        Assert.True(SpecTransitions.CanTransition(from, to));

    [Theory]
    [InlineData(SpecStatus.Draft, SpecStatus.Completed)]
    [InlineData(SpecStatus.Planning, SpecStatus.Completed)]
    [InlineData(SpecStatus.PlanningComplete, SpecStatus.Completed)]
    [InlineData(SpecStatus.Completed, SpecStatus.Planning)]
    [InlineData(SpecStatus.Cancelled, SpecStatus.Planning)]
    [InlineData(SpecStatus.Draft, SpecStatus.ExecutingTasks)]
    public void CanTransition_SkippingOrLeavingAFinalState_IsRefused(SpecStatus from, SpecStatus to) =>
        Assert.False(SpecTransitions.CanTransition(from, to));

    [Fact]
    public void Ensure_PlanningToCompleted_ThrowsNamingBothStatuses()
    {
        var error = Assert.Throws<InvalidTransitionException>(() => SpecTransitions.Ensure("spec-0123456789ab", SpecStatus.Planning, SpecStatus.Completed));

        Assert.Equal("planning", error.From);
        Assert.Equal("completed", error.To);
        Assert.Contains("'planning' to 'completed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanTransition_ToItself_IsRefused()
    {
        foreach (var status in Enum.GetValues<SpecStatus>())
        {
            Assert.False(SpecTransitions.CanTransition(status, status));
        }
    }
}
