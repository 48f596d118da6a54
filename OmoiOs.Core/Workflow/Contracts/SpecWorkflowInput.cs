namespace OmoiOs.Core.Workflow.Contracts;

/// <summary>
/// Starts <see cref="SpecWorkflow"/>. <see cref="ExecuteOnly"/> skips planning (a spec whose planning is complete);
/// <see cref="TaskIds"/> then limits execution to those spec tasks. <see cref="Restarts"/> counts the runs before this one
/// that the engine failed and <see cref="EndedRunReconciler"/> restarted.
/// </summary>
public sealed record SpecWorkflowInput(string SpecId, bool ExecuteOnly = false, IReadOnlyList<string>? TaskIds = null, int Restarts = 0);

/// <summary>How the run ended.</summary>
public sealed record SpecWorkflowResult(string SpecId, string Status, string? FailureReason, int TasksCompleted, int TasksFailed, int TasksBlocked);
