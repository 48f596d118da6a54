using Microsoft.Extensions.Logging;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// While a local host works on the task hub, restarts or settles specs whose run the engine ended without settling them
/// (<see cref="EndedRunReconciler"/>): once when it starts, then every 30 s.
/// </summary>
internal sealed class EndedRunSweep(EndedRunReconciler reconciler, IWorkflowClient workflows, TimeProvider timeProvider, ILogger<EndedRunSweep> logger)
    : PeriodicSweep(timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override string Purpose => "check for specs whose run ended without settling them";

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var ended in await reconciler.SweepAsync(workflows, cancellationToken).ConfigureAwait(false))
        {
            EndedRunLog.Report(logger, ended);
        }
    }
}
