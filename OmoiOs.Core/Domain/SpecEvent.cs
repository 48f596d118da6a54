using System.Text.Json.Nodes;

namespace OmoiOs.Core.Domain;

/// <summary>One state change of a spec, numbered from 1 with no gaps per spec.</summary>
public sealed record SpecEvent(
    string SpecId,
    long Sequence,
    string Type,
    string EntityType,
    string EntityId,
    JsonObject Payload,
    DateTimeOffset At);

/// <summary>An event not yet stored: the store assigns its sequence number and time in the same transaction as the change it reports.</summary>
public sealed record SpecEventDraft(string Type, string EntityType, string EntityId, JsonObject? Payload = null)
{
    public static SpecEventDraft ForSpec(string specId, string type, JsonObject? payload = null) =>
        new(type, "spec", specId, payload);

    public static SpecEventDraft ForTask(string taskId, string type, JsonObject? payload = null) =>
        new(type, "task", taskId, payload);
}
