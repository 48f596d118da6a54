using OmoiOs.Core.Errors;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain.Transitions;

/// <summary>The only place that says which spec status may follow which.</summary>
public static class SpecTransitions
{
    public static bool CanTransition(SpecStatus from, SpecStatus to) => (from, to) switch
    {
        (SpecStatus.Draft, SpecStatus.Planning or SpecStatus.Cancelled) => true,
        (SpecStatus.Planning, SpecStatus.AwaitingApproval or SpecStatus.PlanningComplete or SpecStatus.Failed or SpecStatus.Cancelled) => true,
        (SpecStatus.AwaitingApproval, SpecStatus.Planning or SpecStatus.PlanningComplete or SpecStatus.Failed or SpecStatus.Cancelled) => true,
        (SpecStatus.PlanningComplete, SpecStatus.ExecutingTasks or SpecStatus.Planning or SpecStatus.Failed or SpecStatus.Cancelled) => true,
        (SpecStatus.ExecutingTasks, SpecStatus.Completed or SpecStatus.Failed or SpecStatus.Cancelled) => true,
        // A failed spec may be resumed: planning again, or executing what is left.
        (SpecStatus.Failed, SpecStatus.Planning or SpecStatus.ExecutingTasks or SpecStatus.Cancelled) => true,
        _ => false,
    };

    public static bool IsFinished(SpecStatus status) => status is SpecStatus.Completed or SpecStatus.Failed or SpecStatus.Cancelled;

    public static void Ensure(string id, SpecStatus from, SpecStatus to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidTransitionException("Spec", id, from.ToWire(), to.ToWire());
        }
    }
}
