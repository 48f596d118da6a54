using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Export;

/// <summary>
/// What an export renders: the stored records (the source of truth once SYNC has run, drafts before) and the design, which is
/// kept as the DESIGN phase's output. <see cref="SpecTask.DependsOn"/> and <see cref="SpecTask.Requirements"/> hold record ids.
/// </summary>
public sealed record SpecExportSource(
    Spec Spec,
    IReadOnlyList<SpecRequirement> Requirements,
    IReadOnlyList<SpecAcceptanceCriterion> Criteria,
    DesignOutput? Design,
    IReadOnlyList<SpecTask> Tasks)
{
    /// <summary>Planning has not finished (or a gate waits): the export says so at the top of each file.</summary>
    public bool Draft { get; init; }
}
