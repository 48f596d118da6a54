namespace Microsoft.DurableTask;

/// <summary>The orchestration that started this one as a sub-orchestration.</summary>
public record ParentOrchestrationInstance(TaskName Name, string InstanceId);
