namespace OmoiOs.Core.Errors;

/// <summary>Another writer changed the record first and retrying did not resolve it.</summary>
public sealed class ConcurrencyConflictException(string kind, string id, int attempts)
    : OmoiException($"{kind} '{id}' kept changing under concurrent writers; gave up after {attempts} attempts.")
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;
}
