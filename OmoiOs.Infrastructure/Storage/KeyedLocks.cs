namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// One asynchronous lock per key that exists only while someone holds or awaits it, so a long-running process
/// that touches ever new keys (records) keeps no lock for a key nobody uses.
/// </summary>
internal sealed class KeyedLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Keys that are held or awaited right now.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> while no other caller runs work under the same <paramref name="key"/>.</summary>
    public async Task<T> RunAsync<T>(string key, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        var held = false;
        try
        {
            await entry.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            held = true;
            return await work().ConfigureAwait(false);
        }
        finally
        {
            lock (_entries)
            {
                if (held)
                {
                    entry.Turn.Release();
                }

                if (--entry.Users == 0)
                {
                    _entries.Remove(key);
                    entry.Turn.Dispose();
                }
            }
        }
    }

    /// <summary>A key's lock and how many callers hold or await it (changed only under the dictionary's lock).</summary>
    private sealed class Entry
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
