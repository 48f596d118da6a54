namespace OmoiOs.Core.Errors;

/// <summary>A status change that the entity's transition table does not allow.</summary>
public sealed class InvalidTransitionException(string entity, string id, string from, string to)
    : OmoiException($"{entity} '{id}' cannot go from '{from}' to '{to}'.")
{
    public string Entity { get; } = entity;

    public string Id { get; } = id;

    public string From { get; } = from;

    public string To { get; } = to;
}
