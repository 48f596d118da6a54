using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Functions.Workflow;

/// <summary>Every minute, settles specs whose orchestration Durable ended without settling them (<see cref="EndedRunReconciler"/>).</summary>
public sealed partial class EndedRunSweepFunction(EndedRunReconciler reconciler, ILogger<EndedRunSweepFunction> logger)
{
    [Function("SweepEndedRuns")]
    public async Task RunAsync(
        [TimerTrigger("0 * * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        foreach (var spec in await reconciler.SweepAsync(new DurableWorkflowClient(client), cancellationToken))
        {
            Settled(logger, spec.Id, spec.FailureReason ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spec {SpecId} is now failed: its orchestration ended without settling it. {Reason}")]
    private static partial void Settled(ILogger logger, string specId, string reason);
}
