using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// Work a local host does on the task hub when it starts and then every <see cref="Interval"/>. A round that finds storage
/// away is skipped (<see cref="Storage.StorageOutageMonitor"/> says so); any other failure is logged, and the next round
/// tries again.
/// </summary>
internal abstract partial class PeriodicSweep(TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Clock => timeProvider;

    /// <summary>What a round does, as the failure log names it ("settle specs whose run ended").</summary>
    protected abstract string Purpose { get; }

    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException)
            {
                // StorageOutageMonitor says so.
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                SweepFailed(logger, Purpose, Interval.TotalSeconds, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Purpose}; trying again in {Seconds} s.")]
    private static partial void SweepFailed(ILogger logger, string purpose, double seconds, Exception failure);
}
