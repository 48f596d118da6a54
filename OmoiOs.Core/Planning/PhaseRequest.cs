using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning;

/// <summary>Everything a planner is given to produce one phase's output.</summary>
public sealed record PhaseRequest
{
    public required SpecPhase Phase { get; init; }

    public required string SpecId { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Local path of the repository to explore (a clone when the spec names a URL).</summary>
    public required string RepositoryPath { get; init; }

    public ExploreOutput? Explore { get; init; }

    public RequirementsOutput? Requirements { get; init; }

    public DesignOutput? Design { get; init; }

    /// <summary>The TASKS output, given to SYNC.</summary>
    public TasksOutput? Tasks { get; init; }

    /// <summary>The evaluator's or a reviewer's feedback on the previous attempt.</summary>
    public string? Feedback { get; init; }

    /// <summary>1-based attempt number.</summary>
    public int Attempt { get; init; } = 1;
}
