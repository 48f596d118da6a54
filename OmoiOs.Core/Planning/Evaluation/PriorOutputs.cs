using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// Earlier phases' outputs that some checks need (TASKS coverage needs the requirements). A check whose input is
/// missing here is left out of the evaluation rather than failed.
/// </summary>
public sealed record PriorOutputs
{
    public static readonly PriorOutputs None = new();

    /// <summary>The spec's title and description, where the grounding checks find the files the spec names.</summary>
    public string SpecText { get; init; } = "";

    public ExploreOutput? Explore { get; init; }

    public RequirementsOutput? Requirements { get; init; }

    public DesignOutput? Design { get; init; }

    public TasksOutput? Tasks { get; init; }
}
