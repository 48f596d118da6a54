using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow;

/// <summary>
/// Deletes the engine's history of finished runs started more than <see cref="RunHistoryOptions.Retention"/> ago. Without it
/// the task hub's history grows with every run: in Azure that is storage paid for, and on Azurite, which scans a whole
/// table for each query and rewrites its whole database at each save, every run after it gets slower. A spec's own
/// records (status, requirements, tasks, events, costs) stay; only the engine's step-by-step log of its run goes.
/// </summary>
public sealed partial class RunHistoryPurge(IOptions<RunHistoryOptions> options, TimeProvider clock, ILogger<RunHistoryPurge> logger)
{
    public async Task<int> PurgeAsync(IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var purged = await workflows.PurgeFinishedAsync(clock.GetUtcNow() - options.Value.Retention, cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            Purged(logger, purged, options.Value.Retention);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the engine's history of {Count} finished run(s) started more than {Retention} ago (OMOI_RUN_HISTORY_RETENTION).")]
    private static partial void Purged(ILogger logger, int count, TimeSpan retention);
}
