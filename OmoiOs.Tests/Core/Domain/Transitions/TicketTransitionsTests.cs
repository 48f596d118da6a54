using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;

namespace OmoiOs.Tests.Core.Domain.Transitions;

public sealed class TicketTransitionsTests
{
    [Fact]
    public void CanTransition_TheBoardFlowInOrder_IsAllowed()
    {
        TicketStatus[] flow = [TicketStatus.Backlog, TicketStatus.Analyzing, TicketStatus.Building, TicketStatus.BuildingDone, TicketStatus.Testing, TicketStatus.Done];

        for (var i = 1; i < flow.Length; i++)
        {
            Assert.True(TicketTransitions.CanTransition(flow[i - 1], flow[i]), $"{flow[i - 1]} → {flow[i]}");
        }
    }

    [Fact]
    public void CanTransition_TestingBackToBuilding_IsAllowed() =>
        Assert.True(TicketTransitions.CanTransition(TicketStatus.Testing, TicketStatus.Building));

    [Theory]
    [InlineData(TicketStatus.Backlog, TicketStatus.Done)]
    [InlineData(TicketStatus.Done, TicketStatus.Building)]
    [InlineData(TicketStatus.Done, TicketStatus.Cancelled)]
    [InlineData(TicketStatus.Building, TicketStatus.Testing)]
    public void Ensure_SkippingAColumn_Throws(TicketStatus from, TicketStatus to) =>
        Assert.Throws<InvalidTransitionException>(() => TicketTransitions.Ensure("ticket-0123456789ab", from, to));
}
