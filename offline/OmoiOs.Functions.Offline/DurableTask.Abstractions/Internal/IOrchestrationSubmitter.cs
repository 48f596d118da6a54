namespace Microsoft.DurableTask.Internal;

/// <summary>Anything that can schedule a new orchestration (the client implements it).</summary>
public interface IOrchestrationSubmitter
{
    Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);
}
