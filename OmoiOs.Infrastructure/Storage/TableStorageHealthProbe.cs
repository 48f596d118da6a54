using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>Reads one row of the records table with a short deadline.</summary>
internal sealed class TableStorageHealthProbe(RecordTable table) : IStorageHealthProbe
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await table.FindAsync("health", "probe", deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
