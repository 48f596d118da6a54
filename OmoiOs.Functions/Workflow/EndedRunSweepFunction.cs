using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Workflow;
using OmoiOs.Infrastructure.Workflow;

namespace OmoiOs.Functions.Workflow;

/// <summary>Every minute, restarts or settles specs whose orchestration Durable ended without settling them (<see cref="EndedRunReconciler"/>).</summary>
public sealed class EndedRunSweepFunction(EndedRunReconciler reconciler, ILogger<EndedRunSweepFunction> logger)
{
    [Function("SweepEndedRuns")]
    public async Task RunAsync(
        [TimerTrigger("0 * * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        foreach (var ended in await reconciler.SweepAsync(new DurableWorkflowClient(client), cancellationToken))
        {
            EndedRunLog.Report(logger, ended);
        }
    }
}
