using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// Earlier phases' outputs that some checks need (TASKS coverage needs the requirements). A check whose input is
/// missing here is left out of the evaluation rather than failed.
/// </summary>
public sealed record PriorOutputs
{
    public static readonly PriorOutputs None = new();

    public ExploreOutput? Explore { get; init; }

    public RequirementsOutput? Requirements { get; init; }

    public DesignOutput? Design { get; init; }

    public TasksOutput? Tasks { get; init; }
}
