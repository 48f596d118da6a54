using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning.Outputs;

/// <summary>SYNC: what was validated and written, the coverage matrix and the dependency analysis.</summary>
public sealed record SyncOutput
{
    public SyncValidation Validation { get; init; } = new();

    public IReadOnlyList<CoverageEntry> Coverage { get; init; } = [];

    public DependencyAnalysis Dependencies { get; init; } = new();

    public bool ReadyForExecution { get; init; }

    public IReadOnlyList<string> Blockers { get; init; } = [];

    /// <summary>Planner task key (<c>TSK-001</c>) → spec task record id; fixed once, at the first SYNC.</summary>
    public IReadOnlyDictionary<string, string> TaskIdMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Planner requirement key → requirement record id.</summary>
    public IReadOnlyDictionary<string, string> RequirementIdMap { get; init; } = new Dictionary<string, string>();

    public int RequirementsWritten { get; init; }

    public int CriteriaWritten { get; init; }

    public int TasksWritten { get; init; }
}

public sealed record SyncValidation
{
    public bool AllRequirementsCovered { get; init; }

    public bool NoCircularDependencies { get; init; }

    public bool AllIdsValid { get; init; }

    public IReadOnlyList<string> Issues { get; init; } = [];
}

[JsonConverter(typeof(SnakeCaseEnumConverter<CoverageLevel>))]
public enum CoverageLevel
{
    FullyCovered,
    PartiallyCovered,
    NotCovered,
}

public sealed record CoverageEntry(string RequirementId, CoverageLevel Level, IReadOnlyList<string> Tasks);

public sealed record DependencyAnalysis
{
    /// <summary>Task key → the keys it depends on.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Graph { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> CriticalPath { get; init; } = [];

    public double CriticalPathHours { get; init; }

    /// <summary>Tasks grouped by depth: every task of a group can run beside the others.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ParallelGroups { get; init; } = [];
}
