namespace OmoiOs.Core.Errors;

/// <summary>The request is valid but the record's current state does not allow it (HTTP 409).</summary>
public sealed class ConflictException(string kind, string id, string reason)
    : OmoiException($"{kind} '{id}': {reason}")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;

    public string Reason { get; } = reason;
}
