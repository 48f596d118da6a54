using OmoiOs.Core.Errors;
using OmoiOs.Core.Serialization;
using static OmoiOs.Core.Domain.TicketStatus;

namespace OmoiOs.Core.Domain.Transitions;

/// <summary>The reference's board flow: backlog → analyzing → building → building_done → testing → done; testing may return to building.</summary>
public static class TicketTransitions
{
    public static bool CanTransition(TicketStatus from, TicketStatus to) => (from, to) switch
    {
        (Backlog, Analyzing) => true,
        (Analyzing, Building) => true,
        (Building, BuildingDone) => true,
        (BuildingDone, Testing) => true,
        (Testing, Done or Building) => true,
        (not (Done or Cancelled), Cancelled) => true,
        _ => false,
    };

    public static void Ensure(string id, TicketStatus from, TicketStatus to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidTransitionException("Ticket", id, from.ToWire(), to.ToWire());
        }
    }
}
