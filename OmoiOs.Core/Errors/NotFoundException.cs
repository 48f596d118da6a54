namespace OmoiOs.Core.Errors;

/// <summary>A record of the given kind and id does not exist.</summary>
public sealed class NotFoundException(string kind, string id)
    : OmoiException($"{kind} '{id}' was not found.")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
