using OmoiOs.Core.Errors;
using OmoiOs.Core.Serialization;
using static OmoiOs.Core.Domain.SpecTaskStatus;

namespace OmoiOs.Core.Domain.Transitions;

/// <summary>The only place that says which spec task status may follow which.</summary>
public static class SpecTaskTransitions
{
    public static bool CanTransition(SpecTaskStatus from, SpecTaskStatus to) => (from, to) switch
    {
        (Pending, InProgress or Blocked) => true,
        (InProgress, Completed or Failed or Blocked or Pending) => true,
        (Blocked, Pending or InProgress) => true,
        (Failed, Pending or InProgress) => true,
        _ => false,
    };

    public static void Ensure(string id, SpecTaskStatus from, SpecTaskStatus to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidTransitionException("SpecTask", id, from.ToWire(), to.ToWire());
        }
    }
}
