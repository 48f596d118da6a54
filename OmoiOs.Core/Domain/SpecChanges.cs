using System.Text.Json.Nodes;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The events that report a change to a spec: a status change always yields <c>status_changed</c>.</summary>
public static class SpecChanges
{
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
