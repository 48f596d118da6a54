using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning.Ears;

/// <summary>A requirement sentence read as EARS: its pattern, clauses, system and response, and lint findings.</summary>
public sealed record EarsParseResult
{
    public required string Text { get; init; }

    public EarsPattern Pattern { get; init; }

    /// <summary>The leading clauses in the order written.</summary>
    public IReadOnlyList<EarsClause> Clauses { get; init; } = [];

    /// <summary>The system name (<c>the system</c>, <c>the Billing Service</c>); null when it could not be found.</summary>
    public EarsSpan? System { get; init; }

    /// <summary>What the system shall do, without the modal and the final full stop; null when there is no modal.</summary>
    public EarsSpan? Response { get; init; }

    public IReadOnlyList<EarsFinding> Findings { get; init; } = [];

    public IEnumerable<EarsClause> Preconditions => Clauses.Where(c => c.IsPrecondition);

    public IEnumerable<EarsClause> Triggers => Clauses.Where(c => !c.IsPrecondition);

    public bool HasErrors => Findings.Any(f => f.Severity == EarsSeverity.Error);

    /// <summary>The leading clauses as written, keywords included (<c>While offline, when the user saves</c>); empty when ubiquitous.</summary>
    public string Condition =>
        Clauses.Count == 0 ? "" : Text[Clauses[0].KeywordStart..(Clauses[^1].Condition.Start + Clauses[^1].Condition.Length)];
}
