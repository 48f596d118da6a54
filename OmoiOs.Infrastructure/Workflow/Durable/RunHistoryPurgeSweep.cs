using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>While a local host works on the task hub, deletes old finished runs' history (<see cref="RunHistoryPurge"/>) when it starts and every <see cref="Interval"/>.</summary>
internal sealed partial class RunHistoryPurgeSweep(RunHistoryPurge purge, IWorkflowClient workflows, TimeProvider timeProvider, ILogger<RunHistoryPurgeSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await purge.PurgeAsync(workflows, stoppingToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException)
            {
                // StorageOutageMonitor says so; the next sweep tries again.
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                PurgeFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old runs' history; trying again in 5 minutes.")]
    private static partial void PurgeFailed(ILogger logger, Exception failure);
}
