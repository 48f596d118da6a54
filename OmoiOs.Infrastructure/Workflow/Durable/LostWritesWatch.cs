using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// While a local host works on the task hub, notices storage that lost writes it had acknowledged (an Azurite killed and
/// started again from its last save, or a data folder restored from a copy) and restarts the engine on what storage now
/// holds. Without it the engine's memory (partition leases, extended sessions) stays newer than storage, and it can wait
/// for good on leases it believes it holds. How: every <see cref="Interval"/> it reads back a marker row of its own and
/// writes the next number to it; a number lower than the last one written, or no row, is storage that went back in time.
/// </summary>
internal sealed partial class LostWritesWatch(RecordTable table, TaskHubWorkerHost engine, TimeProvider timeProvider, ILogger<LostWritesWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const string Partition = "health";
    private const string Sequence = "sequence";
    private readonly string _rowKey = "worker-marker|" + Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long written = 0;
        var restartOwed = false;
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (!restartOwed && written > 0 && await ReadAsync(stoppingToken).ConfigureAwait(false) is var kept && kept < written)
                {
                    LostWrites(logger, table.Endpoint, written, kept);
                    restartOwed = true;
                }

                // Until a restart has succeeded (storage can fail again under it), every tick tries it.
                if (restartOwed)
                {
                    await engine.RestartAsync(stoppingToken).ConfigureAwait(false);
                    restartOwed = false;
                }

                await WriteAsync(written + 1, stoppingToken).ConfigureAwait(false);
                written++;
            }
            catch (StorageUnavailableException)
            {
                // StorageOutageMonitor says so; the marker is read again once storage answers.
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                CheckFailed(logger, failure);
            }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check whether storage kept this worker's writes, or could not restart the engine after it lost some; trying again in a second.")]
    private static partial void CheckFailed(ILogger logger, Exception failure);
}
