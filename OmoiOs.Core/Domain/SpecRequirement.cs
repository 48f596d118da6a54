using System.Text.Json.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>One EARS requirement of a spec, as SYNC stored it.</summary>
public sealed record SpecRequirement
{
    public required string Id { get; init; }

    public required string SpecId { get; init; }

    /// <summary>The planner's key, <c>REQ-&lt;FEATURE&gt;-&lt;CATEGORY&gt;-NNN</c>.</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    /// <summary>The whole EARS sentence.</summary>
    public required string Text { get; init; }

    public EarsPattern Pattern { get; init; }

    /// <summary>The WHEN/WHILE/IF/WHERE clause; empty for a ubiquitous requirement.</summary>
    public string Condition { get; init; } = "";

    /// <summary>The SHALL clause.</summary>
    public required string Action { get; init; }

    public RequirementCategory Category { get; init; }

    public Priority Priority { get; init; } = Priority.Medium;

    public RequirementStatus Status { get; init; } = RequirementStatus.Pending;

    [JsonIgnore]
    public string? Version { get; init; }
}
