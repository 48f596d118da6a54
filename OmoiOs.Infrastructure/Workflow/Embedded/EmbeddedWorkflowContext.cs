using OmoiOs.Core.Workflow;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>The <see cref="IWorkflowContext"/> an orchestration sees on the embedded engine; every call goes to its runner.</summary>
internal sealed class EmbeddedWorkflowContext(InstanceRunner runner) : IWorkflowContext
{
    public string InstanceId => runner.InstanceId;

    public DateTime CurrentUtcDateTime => runner.CurrentUtcDateTime;

    public bool IsReplaying => runner.IsReplaying;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input, WorkflowRetryPolicy? retry = null) =>
        runner.CallActivityAsync<TResult>(name, input, retry);

    public Task<T> WaitForEventAsync<T>(string name, TimeSpan timeout) => runner.WaitForEventAsync<T>(name, timeout);

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => runner.CreateTimer(fireAt);

    public void SetCustomStatus(object? status) => runner.SetCustomStatus(status);

    public Guid NewGuid() => runner.NewGuid();
}
