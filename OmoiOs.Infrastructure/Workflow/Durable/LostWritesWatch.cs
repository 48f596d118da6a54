using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// While a local host works on the task hub, notices storage that lost writes it had acknowledged (an Azurite killed and
/// started again from its last save, or a data folder restored from a copy) and restarts the engine on what storage now
/// holds. Without it the engine's memory (partition leases, extended sessions) stays newer than storage, and it can wait
/// for good on leases it believes it holds. How: every second it reads back a marker row of its own and writes the next
/// number to it; a number lower than the last one written, or no row, is storage that went back in time.
/// </summary>
internal sealed partial class LostWritesWatch(RecordTable table, TaskHubWorkerHost engine, TimeProvider timeProvider, ILogger<LostWritesWatch> logger)
    : PeriodicSweep(timeProvider, logger)
{
    private const string Partition = "health";
    private const string Sequence = "sequence";
    private readonly string _rowKey = "worker-marker|" + Guid.NewGuid().ToString("N");
    private long _written;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override string Purpose => "check whether storage kept this worker's writes, or restart the engine after it lost some";

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        await engine.StartIfDownAsync(cancellationToken).ConfigureAwait(false);
        var kept = _written > 0 ? await ReadAsync(cancellationToken).ConfigureAwait(false) : 0;
        var lost = kept < _written;

        // The marker moves on first, so a restart that fails is not taken for another loss: the engine is started
        // again by the next round instead.
        await WriteAsync(_written + 1, cancellationToken).ConfigureAwait(false);
        var written = _written++;
        if (lost)
        {
            LostWrites(logger, table.Endpoint, written, kept);
            await engine.RestartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteAsync(Partition, _rowKey, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            // A marker left behind is one small row; nothing reads another process's marker.
        }
    }

    private async Task<long> ReadAsync(CancellationToken cancellationToken) =>
        await table.FindAsync(Partition, _rowKey, cancellationToken).ConfigureAwait(false) is { } row ? row.GetInt64(Sequence) ?? 0 : 0;

    private Task WriteAsync(long sequence, CancellationToken cancellationToken) =>
        table.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, _rowKey) { [Sequence] = sequence })], cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage at {Endpoint} lost writes it had acknowledged (this worker's marker went back from {Written} to {Kept}): restarting the workflow engine on what storage now holds. Work done since storage's last save runs again.")]
    private static partial void LostWrites(ILogger logger, string endpoint, long written, long kept);
}
