namespace OmoiOs.Core.Ports;

/// <summary>One page of a list; pass <see cref="ContinuationToken"/> back to get the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
