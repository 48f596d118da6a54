using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>Runs a read-modify-write again when a concurrent writer won, and reports it when that keeps happening.</summary>
internal static class OptimisticRetry
{
    public const int MaxAttempts = 10;

    /// <summary>Runs the read-modify-write of one record in its turn (so only other processes can race it), retrying lost races.</summary>
    public static Task<T> RunAsync<T>(SpecPartitionWriter writer, string specId, string rowKey, string kind, string id, Func<Task<T>> readModifyWrite, CancellationToken cancellationToken) =>
        writer.ExclusiveAsync(specId, rowKey, () => RunAsync(kind, id, readModifyWrite, cancellationToken), cancellationToken);

    public static async Task<T> RunAsync<T>(string kind, string id, Func<Task<T>> readModifyWrite, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readModifyWrite().ConfigureAwait(false);
            }
            catch (WriteConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 * attempt * attempt)), cancellationToken).ConfigureAwait(false);
            }
            catch (WriteConflictException)
            {
                throw new ConcurrencyConflictException(kind, id, attempt);
            }
        }
    }
}
