using OmoiOs.Core.Errors;
using OmoiOs.Core.Serialization;
using static OmoiOs.Core.Domain.WorkTaskStatus;

namespace OmoiOs.Core.Domain.Transitions;

/// <summary>
/// The reference's task flow: pending → claiming/assigned → running → pending_validation → validating →
/// completed | needs_revision | failed | cancelled, plus blocked for a task whose dependency failed.
/// </summary>
public static class WorkTaskTransitions
{
    public static bool CanTransition(WorkTaskStatus from, WorkTaskStatus to) => (from, to) switch
    {
        // The scheduler claims and starts a task in one ETag-checked write, so pending may go straight to running.
        (Pending, Claiming or Assigned or Running or Blocked or Cancelled) => true,
        (Claiming, Assigned or Pending or Cancelled) => true,
        (Assigned, Running or Pending or Cancelled) => true,
        // A run whose checks ran inside its own sandbox call reports its verdict directly.
        (Running, PendingValidation or Completed or NeedsRevision or Failed or Cancelled) => true,
        (PendingValidation, Validating or Cancelled) => true,
        (Validating, Completed or NeedsRevision or Failed or Cancelled) => true,
        (NeedsRevision, Assigned or Running or Failed or Cancelled) => true,
        (Failed, Pending) => true,
        (Blocked, Pending or Cancelled) => true,
        _ => false,
    };

    public static bool IsFinished(WorkTaskStatus status) => status is Completed or Failed or Blocked or Cancelled;

    public static void Ensure(string id, WorkTaskStatus from, WorkTaskStatus to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidTransitionException("WorkTask", id, from.ToWire(), to.ToWire());
        }
    }
}
