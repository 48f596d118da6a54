namespace OmoiOs.Core.Workflow;

/// <summary>
/// What workflow code may use. It mirrors Durable Functions' <c>TaskOrchestrationContext</c> so one
/// <c>SpecWorkflow</c> runs on Durable Functions and on the Durable Task Framework locally. Code against it must be
/// deterministic: no clocks, no randomness, no I/O — only activities.
/// </summary>
public interface IWorkflowContext
{
    string InstanceId { get; }

    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    Task<TResult> CallActivityAsync<TResult>(string name, object? input, WorkflowRetryPolicy? retry = null);

    /// <summary>Waits for an external event; throws <see cref="TaskCanceledException"/> when <paramref name="timeout"/> passes first.</summary>
    Task<T> WaitForEventAsync<T>(string name, TimeSpan timeout);

    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    void SetCustomStatus(object? status);

    Guid NewGuid();
}
