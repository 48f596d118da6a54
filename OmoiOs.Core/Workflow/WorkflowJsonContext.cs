using System.Text.Json.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow;

/// <summary>Source-generated JSON for workflow inputs, activity inputs and results, and the custom status.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SpecWorkflowInput))]
[JsonSerializable(typeof(SpecWorkflowResult))]
[JsonSerializable(typeof(StartPlanningInput))]
[JsonSerializable(typeof(SpecRunSettings))]
[JsonSerializable(typeof(RunPhaseInput))]
[JsonSerializable(typeof(PhaseAttemptResult))]
[JsonSerializable(typeof(RequestApprovalInput))]
[JsonSerializable(typeof(ApprovalDecision))]
[JsonSerializable(typeof(ResolveApprovalInput))]
[JsonSerializable(typeof(SyncInput))]
[JsonSerializable(typeof(SyncResult))]
[JsonSerializable(typeof(FailSpecInput))]
[JsonSerializable(typeof(PrepareExecutionInput))]
[JsonSerializable(typeof(ExecutionPlanInput))]
[JsonSerializable(typeof(RunTaskAttemptInput))]
[JsonSerializable(typeof(TaskAttemptResult))]
[JsonSerializable(typeof(BlockTasksInput))]
[JsonSerializable(typeof(CompleteSpecInput))]
[JsonSerializable(typeof(WorkflowStatus))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
public sealed partial class WorkflowJsonContext : JsonSerializerContext;
