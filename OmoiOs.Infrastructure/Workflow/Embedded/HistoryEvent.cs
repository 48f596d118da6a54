namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>What happened to one durable call of an orchestration, in the order it happened.</summary>
internal sealed record HistoryEvent(
    long Order,
    int CallSequence,
    HistoryEventKind Kind,
    string Name,
    string? Result,
    string? Failure,
    DateTimeOffset Timestamp,
    string? InboxKey);

internal enum HistoryEventKind
{
    ActivityCompleted,
    ActivityFailed,
    TimerFired,
    EventReceived,
    EventTimedOut,
}

/// <summary>An external event waiting in an instance's inbox.</summary>
internal sealed record InboxEvent(string Key, string Name, string Payload);

internal enum InstanceStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

/// <summary>An instance's row: what it runs, with which input, and how it stands.</summary>
internal sealed record InstanceRecord(
    string InstanceId,
    string Name,
    string ExecutionId,
    string Input,
    InstanceStatus Status,
    string? CustomStatus,
    string? Output,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt);
