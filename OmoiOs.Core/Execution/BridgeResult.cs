using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>What the execute-tasks bridge did: the spec's one ticket, how many tasks it created or left alone, and the tasks to run.</summary>
public sealed record BridgeResult(string TicketId, int TasksCreated, int TasksSkipped, IReadOnlyList<WorkTask> Tasks);
