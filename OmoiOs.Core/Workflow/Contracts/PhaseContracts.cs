using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Workflow.Contracts;

/// <summary>Moves the spec into planning (or, with <paramref name="ExecuteOnly"/>, checks it may execute) and returns its settings.</summary>
public sealed record StartPlanningInput(string SpecId, bool ExecuteOnly);

/// <summary>What the workflow needs to know about a spec to run it.</summary>
public sealed record SpecRunSettings(
    string SpecId,
    IReadOnlyList<ApprovalGate> RequireApproval,
    int MaxParallelTasks,
    decimal? BudgetUsd,
    int MaxRetries,
    int ApprovalTimeoutSeconds,
    decimal CostUsd);

/// <summary>One attempt of a phase; <paramref name="RunId"/> tells this workflow run's attempts from an earlier run's.</summary>
public sealed record RunPhaseInput(string SpecId, SpecPhase Phase, int Attempt, string? Feedback, string RunId);

/// <summary>One attempt of a phase: whether its output passed the evaluator, and what the next attempt is told if not.</summary>
public sealed record PhaseAttemptResult(SpecPhase Phase, int Attempt, bool Passed, double Score, string Feedback, decimal CostUsd);

public sealed record RequestApprovalInput(string SpecId, ApprovalGate Gate);

/// <summary>The payload of the <c>approval</c> event.</summary>
public sealed record ApprovalDecision(ApprovalGate Gate, bool Approved, string? Comment);

public sealed record ResolveApprovalInput(string SpecId, ApprovalDecision Decision);

public sealed record SyncInput(string SpecId);

public sealed record SyncResult(int Requirements, int Criteria, int Tasks, bool ReadyForExecution, IReadOnlyList<string> Blockers);

public sealed record FailSpecInput(string SpecId, string Reason);
