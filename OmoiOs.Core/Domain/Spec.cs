using System.Text.Json.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>A feature request against a repository, and where its run stands.</summary>
public sealed record Spec
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>An absolute local path or a git URL.</summary>
    public required string Repository { get; init; }

    public SpecStatus Status { get; init; } = SpecStatus.Draft;

    public SpecPhase CurrentPhase { get; init; } = SpecPhase.Explore;

    /// <summary>0–100.</summary>
    public int Progress { get; init; }

    public ApprovalGate? PendingApproval { get; init; }

    public string? FailureReason { get; init; }

    public SpecOptions Options { get; init; } = new();

    public decimal CostUsd { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public required string Branch { get; init; }

    public required string InstanceId { get; init; }

    /// <summary>Attempts used per phase, keyed by the phase's wire name.</summary>
    public IReadOnlyDictionary<string, int> PhaseAttempts { get; init; } = new Dictionary<string, int>();

    public string? LastError { get; init; }

    public DateTimeOffset? LastCheckpointAt { get; init; }

    public DateTimeOffset? RequirementsApprovedAt { get; init; }

    public DateTimeOffset? DesignApprovedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The store's concurrency token (an ETag); null for a record not yet stored.</summary>
    [JsonIgnore]
    public string? Version { get; init; }
}
