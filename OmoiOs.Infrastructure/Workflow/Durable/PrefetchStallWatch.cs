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
internal sealed partial class PrefetchStallWatch(TaskHubWorkerHost engine, TimeProvider timeProvider, ILogger<PrefetchStallWatch> logger)
    : PeriodicSweep(timeProvider, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    private readonly PrefetchStall _stall = new();

    protected override TimeSpan Interval => Period;

    protected override string Purpose => "check whether the workflow engine still fetches, or restart it";

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        await engine.StartIfDownAsync(cancellationToken).ConfigureAwait(false);
        if (engine.Service is { } service && PrefetchedMessages.IdsOf(service) is var held && _stall.Observe(held, Clock.GetUtcNow()))
        {
            Stalled(logger, held.Count, PrefetchStall.StallTime.TotalMinutes);
            await engine.RestartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The workflow engine has held the same {Count} orchestration messages without finishing them for {Minutes} minutes and fetches no more: restarting it.")]
    private static partial void Stalled(ILogger logger, int count, double minutes);
}
