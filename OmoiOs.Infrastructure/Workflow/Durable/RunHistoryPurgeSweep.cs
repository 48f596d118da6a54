using Microsoft.Extensions.Logging;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>While a local host works on the task hub, deletes old finished runs' history (<see cref="RunHistoryPurge"/>) when it starts and every 5 minutes.</summary>
internal sealed class RunHistoryPurgeSweep(RunHistoryPurge purge, IWorkflowClient workflows, TimeProvider timeProvider, ILogger<RunHistoryPurgeSweep> logger)
    : PeriodicSweep(timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string Purpose => "delete old finished runs' history";

    protected override Task SweepAsync(CancellationToken cancellationToken) => purge.PurgeAsync(workflows, cancellationToken);
}
