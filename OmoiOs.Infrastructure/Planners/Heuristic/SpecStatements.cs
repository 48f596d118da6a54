namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// A spec description cut into statements: the ones that become requirements (at most
/// <see cref="SpecStatementSplitter.MaxStatements"/>), what it puts out of scope and what it asks.
/// </summary>
public sealed record SpecStatements
{
    public IReadOnlyList<string> Requirements { get; init; } = [];

    public IReadOnlyList<string> OutOfScope { get; init; } = [];

    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Requirement statements found beyond the cap and left out.</summary>
    public int Omitted { get; init; }

    /// <summary>Statements cut to <see cref="SpecStatementSplitter.MaxStatementLength"/> characters.</summary>
    public int Shortened { get; init; }
}
