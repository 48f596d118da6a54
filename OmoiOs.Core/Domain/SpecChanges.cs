using System.Text.Json.Nodes;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The events that report a change to a spec (a status change always yields <c>status_changed</c>), and the changes more than one writer makes.</summary>
public static class SpecChanges
{
    /// <summary>The spec ended as failed with <paramref name="reason"/>; a spec that already finished stays as it is.</summary>
    public static Spec Fail(Spec spec, string reason)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return SpecTransitions.IsFinished(spec.Status)
            ? spec
            : spec with { Status = SpecStatus.Failed, FailureReason = reason, PendingApproval = null, LastError = reason };
    }

    /// <summary>The events of a change, without extra ones (fits <see cref="Ports.ISpecRepository.UpdateAsync"/>).</summary>
    public static IReadOnlyList<SpecEventDraft> Events(Spec before, Spec after) => Events(before, after, []);

    public static IReadOnlyList<SpecEventDraft> Events(Spec before, Spec after, params SpecEventDraft[] extra)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var events = new List<SpecEventDraft>(extra.Length + 1);
        if (before.Status != after.Status)
        {
            events.Add(SpecEventDraft.ForSpec(after.Id, SpecEventTypes.StatusChanged, new JsonObject
            {
                ["from"] = before.Status.ToWire(),
                ["to"] = after.Status.ToWire(),
                ["reason"] = after.FailureReason,
            }));
        }

        events.AddRange(extra);
        return events;
    }
}
