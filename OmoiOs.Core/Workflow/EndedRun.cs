using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow;

/// <summary>What <see cref="EndedRunReconciler"/> did to a spec whose run ended without settling it, and why.</summary>
public sealed record EndedRun(Spec Spec, EndedRunAction Action, string Reason);

public enum EndedRunAction
{
    Restarted,
    Failed,
}

/// <param name="Restart">The input of the run to start instead of failing the spec, or null to fail it.</param>
public sealed record EndedRunDecision(string Reason, SpecWorkflowInput? Restart);
