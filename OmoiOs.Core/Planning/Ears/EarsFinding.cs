using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning.Ears;

/// <summary>A lint finding on a requirement sentence, at a character range of it.</summary>
public sealed record EarsFinding(EarsRule Rule, EarsSeverity Severity, int Start, int Length, string Message)
{
    public override string ToString() => $"[{Severity.ToWire()}] {Rule.ToWire()} at {Start}: {Message}";
}

/// <summary>How much a finding matters: errors fail the requirements evaluation, warnings cost score.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<EarsSeverity>))]
public enum EarsSeverity
{
    /// <summary>Worth improving; the requirement is still EARS.</summary>
    Warning,

    /// <summary>The sentence is not a well-formed EARS requirement.</summary>
    Error,
}

/// <summary>The lint rules; docs/planning-evaluation.md describes when each fires and its severity.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<EarsRule>))]
public enum EarsRule
{
    EmptyText,
    MissingShall,
    MultipleShall,
    WeakModal,
    IfWithoutThen,
    EmptyCondition,
    UnknownClause,
    MissingSystem,
    EmptyResponse,
    MissingComma,
    ClauseOrder,
    LongSystemName,
    VagueWord,
}
