using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning.Outputs;

/// <summary>REQUIREMENTS: EARS requirements, each with at least two acceptance criteria.</summary>
public sealed record RequirementsOutput
{
    public IReadOnlyList<PlannedRequirement> Requirements { get; init; } = [];

    public IReadOnlyList<string> Assumptions { get; init; } = [];

    public IReadOnlyList<string> OutOfScope { get; init; } = [];

    public IReadOnlyList<string> OpenQuestions { get; init; } = [];
}

/// <summary>A requirement as the planner wrote it; <see cref="Id"/> is <c>REQ-&lt;FEATURE&gt;-&lt;CATEGORY&gt;-NNN</c>.</summary>
public sealed record PlannedRequirement
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public RequirementCategory Type { get; init; }

    public Priority Priority { get; init; } = Priority.Medium;

    /// <summary>The whole EARS sentence.</summary>
    public string Text { get; init; } = "";

    public string Condition { get; init; } = "";

    public string Action { get; init; } = "";

    public IReadOnlyList<string> AcceptanceCriteria { get; init; } = [];

    public IReadOnlyList<string> Dependencies { get; init; } = [];
}
