using System.Collections.Concurrent;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>
/// Runs orchestrator code one step at a time, in the order its continuations were posted, on whatever thread
/// drains it: the single-threaded scheduler that makes replay deterministic.
/// </summary>
internal sealed class OrchestratorSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _work = new();

    public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code may not block on another thread.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="start"/> and then every continuation it leads to until none is left.</summary>
    public void Run(Action start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            start();
            while (_work.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
