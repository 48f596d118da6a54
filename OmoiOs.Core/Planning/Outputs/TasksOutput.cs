using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning.Outputs;

/// <summary>TASKS: the task graph (<c>TSK-NNN</c> ids, dependencies by id) and its critical path.</summary>
public sealed record TasksOutput
{
    public IReadOnlyList<PlannedTask> Tasks { get; init; } = [];

    public IReadOnlyList<string> CriticalPath { get; init; } = [];
}

public sealed record PlannedTask
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public SpecTaskType Type { get; init; } = SpecTaskType.Implementation;

    public Priority Priority { get; init; } = Priority.Medium;

    public double EstimatedHours { get; init; }

    public IReadOnlyList<string> FilesToCreate { get; init; } = [];

    public IReadOnlyList<string> FilesToModify { get; init; } = [];

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyList<string> RequirementsAddressed { get; init; } = [];

    public IReadOnlyList<string> AcceptanceCriteria { get; init; } = [];
}
