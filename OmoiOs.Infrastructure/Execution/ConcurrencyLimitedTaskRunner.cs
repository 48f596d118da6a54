using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Execution;

/// <summary>Lets at most <c>OMOI_MAX_CONCURRENT_TASKS</c> task attempts run at once in this process, whatever spec they belong to.</summary>
internal sealed class ConcurrencyLimitedTaskRunner(ITaskRunner inner, int maxConcurrentTasks) : ITaskRunner, IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentTasks, maxConcurrentTasks);

    public async Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await inner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
