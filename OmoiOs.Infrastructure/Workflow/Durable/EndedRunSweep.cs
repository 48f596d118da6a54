using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// While a local host works on the task hub, restarts or settles specs whose run the engine ended without settling them
/// (<see cref="EndedRunReconciler"/>): once when it starts, then every <see cref="Interval"/>.
/// </summary>
internal sealed partial class EndedRunSweep(EndedRunReconciler reconciler, IWorkflowClient workflows, TimeProvider timeProvider, ILogger<EndedRunSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                foreach (var ended in await reconciler.SweepAsync(workflows, stoppingToken).ConfigureAwait(false))
                {
                    EndedRunLog.Report(logger, ended);
                }
            }
            catch (StorageUnavailableException)
            {
                // StorageOutageMonitor says so; the next sweep tries again.
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                SweepFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for specs whose run ended without settling them; trying again shortly.")]
    private static partial void SweepFailed(ILogger logger, Exception failure);
}
