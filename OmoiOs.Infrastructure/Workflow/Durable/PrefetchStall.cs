namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// Tells a provider that has stopped fetching for good from one that is merely busy: both hold
/// <see cref="TaskHubService.PrefetchLimit"/> messages, but a busy one finishes some and fetches others, while a stalled
/// one holds the same messages for <see cref="StallTime"/>.
/// </summary>
internal sealed class PrefetchStall
{
    public static readonly TimeSpan StallTime = TimeSpan.FromMinutes(2);

    private HashSet<string>? _heldThroughout;
    private DateTimeOffset _since;

    /// <summary>Notes what the provider holds now; true when the same limit's worth of messages has been held for <see cref="StallTime"/>.</summary>
    public bool Observe(IReadOnlyCollection<string> held, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.Count < TaskHubService.PrefetchLimit)
        {
            _heldThroughout = null;
            return false;
        }

        _heldThroughout?.IntersectWith(held);
        if (_heldThroughout is null || _heldThroughout.Count < TaskHubService.PrefetchLimit)
        {
            _heldThroughout = held.ToHashSet(StringComparer.Ordinal);
            _since = now;
            return false;
        }

        if (now - _since < StallTime)
        {
            return false;
        }

        _heldThroughout = null;
        return true;
    }
}
