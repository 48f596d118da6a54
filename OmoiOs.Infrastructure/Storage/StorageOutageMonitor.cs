using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// While a local host works on the task hub, says in one line when storage stops answering and in one more when it
/// answers again. Without it, an outage shows only as the engine's retried requests and their stack traces; the work
/// itself waits and resumes on its own (activities are retried and idempotent).
/// </summary>
internal sealed partial class StorageOutageMonitor(IStorageHealthProbe probe, RecordTable table, TimeProvider timeProvider, ILogger<StorageOutageMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // One slow probe is a busy storage (a saturated Azurite misses the probe's 3 s now and then), not an outage.
    private const int FailedProbesForOutage = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? downSince = null;
        var failed = 0;
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var reachable = await probe.IsReachableAsync(stoppingToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            failed = reachable ? 0 : failed + 1;
            if (failed == FailedProbesForOutage && downSince is null)
            {
                downSince = now - (Interval * (FailedProbesForOutage - 1));
                Unreachable(logger, table.Endpoint);
            }
            else if (reachable && downSince is { } since)
            {
                downSince = null;
                Back(logger, table.Endpoint, (int)Math.Round((now - since).TotalSeconds));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage at {Endpoint} does not answer: work on specs waits and is retried, and resumes when storage is back.")]
    private static partial void Unreachable(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage at {Endpoint} answers again after about {Seconds} s: work on specs resumes.")]
    private static partial void Back(ILogger logger, string endpoint, int seconds);
}
