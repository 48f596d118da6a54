using System.Text.Json;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>A durable call the orchestrator is waiting on; it completes from a history event, replayed or new.</summary>
internal abstract class PendingCall(int sequence, string name)
{
    public int Sequence { get; } = sequence;

    public string Name { get; } = name;

    public abstract void Complete(HistoryEvent history);
}

/// <summary>What the runner needs of an activity call, whatever its result type.</summary>
internal interface IActivityCall
{
    string Input { get; }

    WorkflowRetryPolicy? Retry { get; }
}

/// <summary>What the runner needs of an event wait, whatever its payload type.</summary>
internal interface IEventCall
{
    DateTime Deadline { get; }
}

internal sealed class ActivityCall<T>(int sequence, string name, string input, WorkflowRetryPolicy? retry) : PendingCall(sequence, name), IActivityCall
{
    private readonly TaskCompletionSource<T> _result = new();

    public string Input { get; } = input;

    public WorkflowRetryPolicy? Retry { get; } = retry;

    public Task<T> Task => _result.Task;

    public override void Complete(HistoryEvent history)
    {
        if (history.Kind == HistoryEventKind.ActivityCompleted)
        {
            _result.SetResult(WorkflowJson.Deserialize<T>(history.Result));
        }
        else
        {
            _result.SetException(new ActivityFailedException(Name, history.Failure ?? "unknown failure"));
        }
    }
}

internal sealed class TimerCall(int sequence, DateTime fireAt) : PendingCall(sequence, "timer")
{
    private readonly TaskCompletionSource _fired = new();

    public DateTime FireAt { get; } = fireAt;

    public Task Task => _fired.Task;

    public override void Complete(HistoryEvent history) => _fired.SetResult();
}

internal sealed class EventCall<T>(int sequence, string name, DateTime deadline) : PendingCall(sequence, name), IEventCall
{
    private readonly TaskCompletionSource<T> _received = new();

    public DateTime Deadline { get; } = deadline;

    public Task<T> Task => _received.Task;

    public override void Complete(HistoryEvent history)
    {
        if (history.Kind == HistoryEventKind.EventReceived)
        {
            _received.SetResult(WorkflowJson.Deserialize<T>(history.Result));
        }
        else
        {
            _received.SetException(new TaskCanceledException($"No '{Name}' event arrived before {Deadline:O}."));
        }
    }
}

/// <summary>JSON of workflow values through the source-generated <see cref="WorkflowJsonContext"/>.</summary>
internal static class WorkflowJson
{
    public static string Serialize(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), WorkflowJsonContext.Default);

    public static T Deserialize<T>(string? json) =>
        (T)JsonSerializer.Deserialize(json ?? "null", typeof(T), WorkflowJsonContext.Default)!;
}
