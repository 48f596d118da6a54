using Microsoft.DurableTask;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// Runs workflow code on the Durable Task engine (Durable Functions in Azure, the Durable Task Framework locally): every
/// <see cref="IWorkflowContext"/> call goes straight to the orchestration context, so Durable keeps the history, replays and retries.
/// </summary>
public sealed class DurableWorkflowContext : IWorkflowContext
{
    private readonly TaskOrchestrationContext _context;

    public DurableWorkflowContext(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string InstanceId => _context.InstanceId;

    public DateTime CurrentUtcDateTime => _context.CurrentUtcDateTime;

    public bool IsReplaying => _context.IsReplaying;

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, WorkflowRetryPolicy? retry = null)
    {
        try
        {
            return await _context.CallActivityAsync<TResult>(name, input, ToTaskOptions(retry));
        }
        catch (TaskFailedException failure)
        {
            throw new ActivityFailedException(name, failure.FailureDetails.ErrorMessage, failure);
        }
    }

    /// <remarks>
    /// Durable races the event against a durable timer and, when the timer wins, cancels the wait, so the task
    /// faults with <see cref="TaskCanceledException"/>: the contract of <see cref="IWorkflowContext.WaitForEventAsync{T}"/>.
    /// </remarks>
    public Task<T> WaitForEventAsync<T>(string name, TimeSpan timeout) =>
        _context.WaitForExternalEvent<T>(name, timeout);

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        _context.CreateTimer(fireAt, cancellationToken);

    public void SetCustomStatus(object? status) => _context.SetCustomStatus(status);

    public Guid NewGuid() => _context.NewGuid();

    private static TaskOptions? ToTaskOptions(WorkflowRetryPolicy? retry) =>
        retry is null
            ? null
            : new TaskOptions(new RetryPolicy(retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient)
            {
                HandleFailure = failure => WorkflowRetryPolicy.Retries(failure.ErrorType),
            });
}
