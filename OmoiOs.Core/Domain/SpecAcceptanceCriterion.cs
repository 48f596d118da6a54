using System.Text.Json.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>One testable criterion of a requirement; every requirement has at least two.</summary>
public sealed record SpecAcceptanceCriterion
{
    public required string Id { get; init; }

    public required string SpecId { get; init; }

    public required string RequirementId { get; init; }

    /// <summary>1-based position within its requirement.</summary>
    public int Ordinal { get; init; }

    public required string Text { get; init; }

    public bool Completed { get; init; }

    [JsonIgnore]
    public string? Version { get; init; }
}
