using System.Text.Json.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>A planned unit of work (the planner's <c>TSK-NNN</c>), as SYNC stored it.</summary>
public sealed record SpecTask
{
    public required string Id { get; init; }

    public required string SpecId { get; init; }

    /// <summary>The planner's key, <c>TSK-NNN</c>.</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public SpecTaskType Type { get; init; } = SpecTaskType.Implementation;

    public Priority Priority { get; init; } = Priority.Medium;

    public double EstimatedHours { get; init; }

    /// <summary>Ids of the spec tasks this one waits for (record ids, not planner keys).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Ids of the requirements this task addresses.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    public IReadOnlyList<string> FilesToCreate { get; init; } = [];

    public IReadOnlyList<string> FilesToModify { get; init; } = [];

    public IReadOnlyList<string> AcceptanceCriteria { get; init; } = [];

    public SpecTaskStatus Status { get; init; } = SpecTaskStatus.Pending;

    /// <summary>The executable task the bridge made of this one, once it has.</summary>
    public string? WorkTaskId { get; init; }

    [JsonIgnore]
    public string? Version { get; init; }
}
