using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using OmoiOs.Infrastructure.Workflow;

namespace OmoiOs.Functions.Workflow;

/// <summary>Every hour, deletes Durable's history of finished runs older than the retention (<see cref="RunHistoryPurge"/>).</summary>
public sealed class RunHistoryPurgeFunction(RunHistoryPurge purge)
{
    [Function("PurgeRunHistory")]
    public Task RunAsync(
        [TimerTrigger("0 0 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        purge.PurgeAsync(new DurableWorkflowClient(client), cancellationToken);
}
