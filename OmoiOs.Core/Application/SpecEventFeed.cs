using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;

namespace OmoiOs.Core.Application;

/// <summary>
/// A spec's event log as server-sent events, the same on both hosts: <c>id</c> is the event's sequence (so a reconnecting
/// client's <c>Last-Event-ID</c> resumes after it), <c>event</c> its type, <c>data</c> its JSON. The local host keeps one
/// stream open; the Functions app answers each request with the next batch and the client reconnects (the SSE protocol's
/// own retry), ending with 204 once the spec has finished and everything was sent.
/// </summary>
public sealed class SpecEventFeed(SpecService specs, TimeProvider timeProvider)
{
    public const string ContentType = "text/event-stream";

    /// <summary>Events per page of <c>GET /specs/{id}/events</c>, and per batch of a stream.</summary>
    public const int MaxPage = 1000;

    /// <summary>How long a client waits before reconnecting to a stream that ended its batch.</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    public static bool IsRequested(string? accept) => accept?.Contains(ContentType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Where a stream starts: after <c>Last-Event-ID</c> when the client sent a valid one, else after the <c>after</c> query value.</summary>
    public static long StartAfter(long after, string? lastEventId) =>
        long.TryParse(lastEventId, out var sequence) && sequence >= 0 ? sequence : after;

    public static string Frame(SpecEvent specEvent)
    {
        ArgumentNullException.ThrowIfNull(specEvent);
        return $"id: {specEvent.Sequence}\nevent: {specEvent.Type}\ndata: {JsonSerializer.Serialize(specEvent, ApiJson.Options)}\n\n";
    }

    public static string RetryFrame => $"retry: {(int)ReconnectDelay.TotalMilliseconds}\n\n";

    /// <summary>
    /// The events after <paramref name="after"/>, waiting up to <paramref name="maxWait"/> for some to come. Empty with
    /// <see cref="EventBatch.SpecFinished"/> means the stream is over: the spec has finished and every event was sent.
    /// </summary>
    public async Task<EventBatch> NextAsync(string specId, long after, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + maxWait;
        var events = await specs.EventsAsync(specId, after, MaxPage, cancellationToken).ConfigureAwait(false);
        while (events.Count == 0)
        {
            // The status first, then the events: a spec that had finished by then has all its events in that read.
            var finished = SpecTransitions.IsFinished((await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false)).Status);
            events = await specs.EventsAsync(specId, after, MaxPage, cancellationToken).ConfigureAwait(false);
            if (events.Count > 0 || finished || timeProvider.GetUtcNow() >= deadline)
            {
                return new EventBatch(events, finished && events.Count == 0);
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return new EventBatch(events, SpecFinished: false);
    }
}

/// <summary>One batch of a stream; <paramref name="SpecFinished"/> when there is nothing more to send, ever.</summary>
public sealed record EventBatch(IReadOnlyList<SpecEvent> Events, bool SpecFinished);
