namespace OmoiOs.Core.Execution;

/// <summary>
/// Keeps <see cref="ExecutionInputs"/> for the few latest executions, so that a thousand task attempts read them
/// once instead of a thousand times. An execution (one run of EXECUTE, named by the workflow) never changes its
/// plan: a new plan comes with a new execution id, so nothing here goes stale. Concurrent first callers share one load.
/// </summary>
public sealed class ExecutionInputsCache
{
    public const int Capacity = 8;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lazy<Task<ExecutionInputs>>> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrivals = new();

    /// <param name="executionId">The execution's id; null loads afresh and keeps nothing.</param>
    /// <param name="load">Reads the inputs; it runs once per execution, without any one caller's cancellation.</param>
    public async Task<ExecutionInputs> GetAsync(string specId, string? executionId, Func<CancellationToken, Task<ExecutionInputs>> load, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specId);
        ArgumentNullException.ThrowIfNull(load);
        if (executionId is null)
        {
            return await load(cancellationToken).ConfigureAwait(false);
        }

        var key = $"{specId}/{executionId}";
        Lazy<Task<ExecutionInputs>> entry;
        lock (_gate)
        {
            // A failed load is not kept: the next attempt tries again.
            if (!_entries.TryGetValue(key, out entry!) || (entry.IsValueCreated && (entry.Value.IsFaulted || entry.Value.IsCanceled)))
            {
                if (!_entries.ContainsKey(key))
                {
                    _arrivals.Enqueue(key);
                }

                entry = new Lazy<Task<ExecutionInputs>>(() => LoadAsync(load));
                _entries[key] = entry;
                while (_entries.Count > Capacity)
                {
                    _entries.Remove(_arrivals.Dequeue());
                }
            }
        }

        return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Shared by every attempt of the execution, so no one caller's cancellation stops it; a throw becomes a faulted task.
    private static async Task<ExecutionInputs> LoadAsync(Func<CancellationToken, Task<ExecutionInputs>> load) =>
        await load(CancellationToken.None).ConfigureAwait(false);
}
