using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>
/// Drives one orchestration instance. Orchestrator code runs on <see cref="OrchestratorSynchronizationContext"/>;
/// every durable call gets a sequence number in the order the code makes it. On start the runner replays the
/// instance's history in the order things happened, completing calls from it, and only then dispatches calls
/// that have no history yet: activities (bounded, retried per policy), timers and event waits. Each new outcome
/// is written to history before the orchestrator sees it, so a crash at any point replays to the same state.
/// </summary>
internal sealed class InstanceRunner(
    InstanceRecord instance,
    WorkflowHistoryStore store,
    Func<IWorkflowContext, string, Task<string>> orchestrator,
    Func<string, string, CancellationToken, Task<string>> invokeActivity,
    SemaphoreSlim activitySlots,
    EmbeddedEngineOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    // Another process may raise an event or terminate the instance; the runner looks at its inbox and row this often.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly OrchestratorSynchronizationContext _scheduler = new();
    private readonly Channel<Completion> _completions = Channel.CreateUnbounded<Completion>();
    private readonly Dictionary<int, PendingCall> _pending = [];
    private readonly List<PendingCall> _undispatched = [];
    private readonly HashSet<string> _claimedInbox = new(StringComparer.Ordinal);
    private List<HistoryEvent> _history = [];
    private int _replayIndex;
    private int _nextCall;
    private long _nextOrder = 1;
    private int _guids;
    private string? _customStatus;
    private bool _statusDirty;
    private DateTimeOffset _lastFlush;

    public string InstanceId => instance.InstanceId;

    public DateTime CurrentUtcDateTime { get; private set; }

    public bool IsReplaying => _replayIndex < _history.Count;

    /// <summary>The latest custom status, fresher than the stored one while the instance runs.</summary>
    public string? CustomStatus => _customStatus;

    public async Task<InstanceRecord> RunAsync(CancellationToken cancellationToken)
    {
        _history = await store.LoadHistoryAsync(InstanceId, instance.ExecutionId, cancellationToken).ConfigureAwait(false);
        _nextOrder = _history.Count == 0 ? 1 : _history[^1].Order + 1;
        foreach (var consumed in _history.Select(h => h.InboxKey).OfType<string>())
        {
            _claimedInbox.Add(consumed);
        }

        _customStatus = instance.CustomStatus;
        CurrentUtcDateTime = instance.CreatedAt.UtcDateTime;
        _ = PollAsync(cancellationToken);
        Task<string>? orchestration = null;
        _scheduler.Run(() => orchestration = orchestrator(new EmbeddedWorkflowContext(this), instance.Input));

        while (!orchestration!.IsCompleted)
        {
            if (IsReplaying)
            {
                Replay(_history[_replayIndex++]);
                continue;
            }

            await DispatchAsync(cancellationToken).ConfigureAwait(false);
            await FlushStatusAsync(force: false, cancellationToken).ConfigureAwait(false);
            await RecordAndDeliverAsync(await ReadBatchAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        var now = timeProvider.GetUtcNow();
        return orchestration.IsCompletedSuccessfully
            ? instance with { Status = InstanceStatus.Completed, Output = orchestration.Result, CustomStatus = _customStatus, LastUpdatedAt = now }
            : instance with { Status = InstanceStatus.Failed, Failure = orchestration.Exception?.InnerException?.Message ?? "cancelled", CustomStatus = _customStatus, LastUpdatedAt = now };
    }

    /// <summary>Tells the runner an event was added to its inbox.</summary>
    public void NotifyInbox() => _completions.Writer.TryWrite(Completion.InboxChanged);

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
                _completions.Writer.TryWrite(Completion.Poll);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public Task<T> CallActivityAsync<T>(string name, object? input, WorkflowRetryPolicy? retry) =>
        Track(new ActivityCall<T>(_nextCall++, name, WorkflowJson.Serialize(input), retry)).Task;

    public Task CreateTimer(DateTime fireAt) => Track(new TimerCall(_nextCall++, fireAt)).Task;

    public Task<T> WaitForEventAsync<T>(string name, TimeSpan timeout) =>
        Track(new EventCall<T>(_nextCall++, name, CurrentUtcDateTime + timeout)).Task;

    public void SetCustomStatus(object? status)
    {
        _customStatus = status is null ? null : WorkflowJson.Serialize(status);
        _statusDirty = true;
    }

    /// <summary>A name-based id from the instance, its execution and a counter: the same on every replay.</summary>
    public Guid NewGuid()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{InstanceId}|{instance.ExecutionId}|{_guids++}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    public Task FlushStatusAsync(CancellationToken cancellationToken) => FlushStatusAsync(force: true, cancellationToken);

    private T Track<T>(T call)
        where T : PendingCall
    {
        _pending[call.Sequence] = call;
        _undispatched.Add(call);
        return call;
    }

    private void Replay(HistoryEvent history)
    {
        if (!_pending.Remove(history.CallSequence, out var call) || call.Name != history.Name)
        {
            throw new InvalidOperationException(
                $"Instance {InstanceId} is not deterministic: history has {history.Kind} of '{history.Name}' for call {history.CallSequence}, which the code did not make.");
        }

        _undispatched.Remove(call);
        CurrentUtcDateTime = history.Timestamp.UtcDateTime;
        Deliver(call, history);
    }

    private void Deliver(PendingCall call, HistoryEvent history)
    {
        call.Complete(history);
        _scheduler.Run(static () => { });
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        if (_undispatched.Count == 0)
        {
            return;
        }

        var waitsForEvents = false;
        foreach (var call in _undispatched)
        {
            switch (call)
            {
                case TimerCall timer:
                    StartTimer(timer.Sequence, timer.FireAt, HistoryEventKind.TimerFired, cancellationToken);
                    break;
                case IEventCall wait:
                    StartTimer(call.Sequence, wait.Deadline, HistoryEventKind.EventTimedOut, cancellationToken);
                    waitsForEvents = true;
                    break;
                default:
                    StartActivity(call, cancellationToken);
                    break;
            }
        }

        _undispatched.Clear();
        if (waitsForEvents)
        {
            await MatchInboxAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void StartActivity(PendingCall call, CancellationToken cancellationToken)
    {
        var (input, retry) = call switch
        {
            IActivityCall activity => (activity.Input, activity.Retry),
            _ => throw new InvalidOperationException($"Call {call.Sequence} is not an activity."),
        };
        _ = Task.Run(
            async () =>
            {
                var completion = await RunActivityAsync(call, input, retry, cancellationToken).ConfigureAwait(false);
                if (completion is not null)
                {
                    _completions.Writer.TryWrite(completion);
                }
            },
            CancellationToken.None);
    }

    private async Task<Completion?> RunActivityAsync(PendingCall call, string input, WorkflowRetryPolicy? retry, CancellationToken cancellationToken)
    {
        var attempts = retry?.MaxNumberOfAttempts ?? 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await invokeActivity(call.Name, input, cancellationToken).ConfigureAwait(false);
                    return new Completion(call.Sequence, HistoryEventKind.ActivityCompleted, result, null, null);
                }
                finally
                {
                    activitySlots.Release();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception error) when (attempt < attempts && IsTransient(error))
            {
                logger.LogWarning(error, "Activity {Activity} of {Instance} failed (attempt {Attempt} of {Attempts}); retrying", call.Name, InstanceId, attempt, attempts);
                await Task.Delay(retry!.DelayBefore(attempt), timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                logger.LogError(error, "Activity {Activity} of {Instance} failed", call.Name, InstanceId);
                return new Completion(call.Sequence, HistoryEventKind.ActivityFailed, null, $"{error.GetType().Name}: {error.Message}", null);
            }
        }
    }

    // An error about the request itself will not go away on a retry.
    private static bool IsTransient(Exception error) =>
        error is not (ValidationFailedException or ConflictException or NotFoundException or InvalidTransitionException or ArgumentException);

    private void StartTimer(int sequence, DateTime fireAt, HistoryEventKind kind, CancellationToken cancellationToken)
    {
        var delay = new DateTimeOffset(fireAt, TimeSpan.Zero) - timeProvider.GetUtcNow();
        _ = Task.Run(
            async () =>
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                }

                _completions.Writer.TryWrite(new Completion(sequence, kind, null, null, null));
            },
            cancellationToken);
    }

    /// <summary>Gives each waiting event call the oldest unclaimed inbox event of its name.</summary>
    private async Task MatchInboxAsync(CancellationToken cancellationToken)
    {
        var waiting = _pending.Values.Where(c => c is IEventCall).OrderBy(c => c.Sequence).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var inbox = await store.LoadInboxAsync(InstanceId, cancellationToken).ConfigureAwait(false);
        foreach (var call in waiting)
        {
            var match = inbox.FirstOrDefault(e => e.Name == call.Name && !_claimedInbox.Contains(e.Key));
            if (match is not null)
            {
                _claimedInbox.Add(match.Key);
                _completions.Writer.TryWrite(new Completion(call.Sequence, HistoryEventKind.EventReceived, match.Payload, null, match.Key));
            }
        }
    }

    private async Task<List<Completion>> ReadBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Completion> { await _completions.Reader.ReadAsync(cancellationToken).ConfigureAwait(false) };
        while (batch.Count < 90 && _completions.Reader.TryRead(out var more))
        {
            batch.Add(more);
        }

        return batch;
    }

    private async Task RecordAndDeliverAsync(List<Completion> batch, CancellationToken cancellationToken)
    {
        var recorded = new List<(PendingCall Call, HistoryEvent Event)>(batch.Count);
        foreach (var completion in batch)
        {
            if (completion == Completion.InboxChanged)
            {
                await MatchInboxAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (completion == Completion.Poll)
            {
                await CheckOutsideChangesAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            // An event wait ends once: by the event or by its timeout, whichever was recorded first.
            if (!_pending.Remove(completion.CallSequence, out var call))
            {
                if (completion.InboxKey is { } unused)
                {
                    _claimedInbox.Remove(unused);
                }

                continue;
            }

            recorded.Add((call, new HistoryEvent(_nextOrder++, call.Sequence, completion.Kind, call.Name, completion.Result, completion.Failure, timeProvider.GetUtcNow(), completion.InboxKey)));
        }

        if (recorded.Count == 0)
        {
            return;
        }

        await store.AppendHistoryAsync(InstanceId, instance.ExecutionId, recorded.Select(r => r.Event).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (call, history) in recorded)
        {
            CurrentUtcDateTime = history.Timestamp.UtcDateTime;
            Deliver(call, history);
        }
    }

    /// <summary>Picks up events raised by another process, and stops when another process terminated the instance.</summary>
    private async Task CheckOutsideChangesAsync(CancellationToken cancellationToken)
    {
        if (await store.GetAsync(InstanceId, cancellationToken).ConfigureAwait(false) is { Status: InstanceStatus.Terminated } terminated
            && terminated.ExecutionId == instance.ExecutionId)
        {
            throw new InstanceTerminatedException(InstanceId, terminated.Failure);
        }

        await MatchInboxAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushStatusAsync(bool force, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!_statusDirty || (!force && now - _lastFlush < options.StatusFlushInterval))
        {
            return;
        }

        _statusDirty = false;
        _lastFlush = now;
        await store.SaveAsync(instance with { Status = InstanceStatus.Running, CustomStatus = _customStatus, LastUpdatedAt = now }, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Completion(int CallSequence, HistoryEventKind Kind, string? Result, string? Failure, string? InboxKey)
    {
        public static readonly Completion InboxChanged = new(-1, HistoryEventKind.EventReceived, null, null, null);

        public static readonly Completion Poll = new(-2, HistoryEventKind.EventReceived, null, null, null);
    }
}

/// <summary>Another process terminated the instance this runner drives.</summary>
internal sealed class InstanceTerminatedException(string instanceId, string? reason)
    : Exception($"Instance {instanceId} was terminated: {reason}");
