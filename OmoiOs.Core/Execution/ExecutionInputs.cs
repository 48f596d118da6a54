using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>
/// What every task attempt of one execution reads alike: the spec, its planned tasks (by the work task the bridge
/// made of each), the requirements and criteria they address, the design summary and the check command.
/// </summary>
public sealed record ExecutionInputs(
    Spec Spec,
    IReadOnlyDictionary<string, SpecTask> SpecTasksByWorkTask,
    IReadOnlyDictionary<string, SpecRequirement> Requirements,
    ILookup<string, SpecAcceptanceCriterion> CriteriaByRequirement,
    string DesignSummary,
    string? CheckCommand);
