namespace OmoiOs.Core.Domain;

/// <summary>The event types a spec's log holds.</summary>
public static class SpecEventTypes
{
    public const string SpecCreated = "spec_created";
    public const string StatusChanged = "status_changed";
    public const string PhaseStarted = "phase_started";
    public const string PhaseCompleted = "phase_completed";
    public const string PhaseFailed = "phase_failed";
    public const string PhaseRetry = "phase_retry";
    public const string ApprovalRequested = "approval_requested";
    public const string ApprovalReceived = "approval_received";
    public const string RequirementsGenerated = "requirements_generated";
    public const string DesignGenerated = "design_generated";
    public const string TasksGenerated = "tasks_generated";
    public const string SyncCompleted = "sync_completed";
    public const string ExecutionStarted = "execution_started";
    public const string TicketCreated = "ticket_created";
    public const string TaskCreated = "task_created";
    public const string TaskStarted = "task_started";
    public const string TaskRetry = "task_retry";
    public const string TaskCompleted = "task_completed";
    public const string TaskFailed = "task_failed";
    public const string TaskBlocked = "task_blocked";
    public const string CriterionMet = "criterion_met";
    public const string ExecutionCompleted = "execution_completed";
    public const string SpecCancelled = "spec_cancelled";
    public const string RunRestarted = "run_restarted";
}
