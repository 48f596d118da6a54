using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// Restarts the engine when it has stopped fetching orchestration messages for good. The provider pauses its control
/// queues while it holds <see cref="TaskHubService.PrefetchLimit"/> fetched but unfinished messages, and that count can
/// leak: a message stays counted after nothing will finish it any more. Seen in the long-run figure on one saturated
/// Azurite: the four fetch loops paused, 157 messages visible in the control queues for minutes, and no task completing
/// for 12 minutes. A new provider starts from an empty count and fetches those messages again (<see cref="PrefetchStall"/>
/// tells this from a busy provider).
/// </summary>
internal sealed partial class PrefetchStallWatch(TaskHubWorkerHost engine, TimeProvider timeProvider, ILogger<PrefetchStallWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stall = new PrefetchStall();
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (engine.Service is not { } service || PrefetchedMessages.IdsOf(service) is not { } held || !stall.Observe(held, timeProvider.GetUtcNow()))
            {
                continue;
            }

            Stalled(logger, held.Count, PrefetchStall.StallTime.TotalMinutes);
            try
            {
                await engine.RestartAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                RestartFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The workflow engine has held the same {Count} orchestration messages without finishing them for {Minutes} minutes and fetches no more: restarting it.")]
    private static partial void Stalled(ILogger logger, int count, double minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not restart the stalled workflow engine; trying again if it is still stalled.")]
    private static partial void RestartFailed(ILogger logger, Exception failure);
}
