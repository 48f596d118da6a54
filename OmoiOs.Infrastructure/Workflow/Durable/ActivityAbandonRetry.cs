using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// The orchestration service the worker runs on, with one change: giving an activity's message back is retried until
/// storage takes it. The Azure Storage provider forgets an activity it is running only once that succeeds; when storage
/// is down at that moment, it keeps the activity as running for good, and skips every redelivery of its message as "being
/// processed multiple times concurrently". A worker that stayed up through an outage then never ran that task again.
/// </summary>
internal sealed partial class ActivityAbandonRetry(IOrchestrationService inner, TimeProvider timeProvider, ILogger logger) : IOrchestrationService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>After this, the failure is the dispatcher's again: storage that stays away this long is not an outage to wait out.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(30);

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        var started = timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await inner.AbandonTaskActivityWorkItemAsync(workItem).ConfigureAwait(false);
                return;
            }
            catch (Exception failure) when (timeProvider.GetElapsedTime(started) < GiveUpAfter)
            {
                if (attempt == 1)
                {
                    Retrying(logger, workItem.Id, failure.Message);
                }

                await Task.Delay(RetryInterval, timeProvider).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back the message of activity work item {WorkItemId} ({Reason}); retrying until storage takes it, so that the task runs again.")]
    private static partial void Retrying(ILogger logger, string workItemId, string reason);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
}
