using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>Everything one attempt of a task is given: the task, what it must satisfy, and feedback from the last attempt.</summary>
public sealed record TaskRunRequest
{
    public required Spec Spec { get; init; }

    public required WorkTask Task { get; init; }

    public required SpecTask SpecTask { get; init; }

    public IReadOnlyList<SpecRequirement> Requirements { get; init; } = [];

    public IReadOnlyList<SpecAcceptanceCriterion> AcceptanceCriteria { get; init; } = [];

    public string DesignSummary { get; init; } = "";

    /// <summary>The spec's check command, else the test command EXPLORE detected; null runs no check.</summary>
    public string? CheckCommand { get; init; }

    /// <summary>1-based.</summary>
    public int Attempt { get; init; } = 1;

    public string? Feedback { get; init; }
}
