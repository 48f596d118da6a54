namespace OmoiOs.Core.Planning;

/// <summary>A task as the graph sees it: its key, the keys it waits for, and its estimate in hours.</summary>
public sealed record TaskNode(string Id, IReadOnlyList<string> DependsOn, double Hours);

/// <summary>A dependency on a task that is not in the graph.</summary>
public sealed record DanglingDependency(string TaskId, string MissingId);

/// <summary>The longest chain of dependent tasks, and its total estimate.</summary>
public sealed record CriticalPath(IReadOnlyList<string> TaskIds, double Hours);
