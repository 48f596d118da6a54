using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Workflow;

/// <summary>
/// Settles a spec whose run ended without settling it. <see cref="SpecWorkflow"/> always ends its spec, completed or
/// failed with a reason, but the engine can end an instance past the workflow's own handling: a history the code no
/// longer replays (non-determinism), a failure of the activity that records the failure itself (its retries spent
/// while storage was gone), a termination from outside OmoiOs (the Durable Functions Monitor). Left alone, such a spec
/// keeps its last in-flight status for good, and <c>omoi run</c> would wait on it. Failed here, it can be run again.
/// </summary>
public sealed class EndedRunReconciler(ISpecRepository specs, TimeProvider clock)
{
    /// <summary>How long a terminated instance is left to whoever terminated it: a cancel terminates first and then cancels the spec.</summary>
    public static readonly TimeSpan TerminationGrace = TimeSpan.FromMinutes(1);

    private const int MaxDetailLength = 400;

    /// <summary>The spec as it is now: failed with the engine's reason when its instance ended without settling it.</summary>
    public async Task<Spec> ReconcileAsync(Spec spec, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(workflows);
        if (!IsInFlight(spec.Status))
        {
            return spec;
        }

        var instance = await workflows.GetAsync(spec.InstanceId, cancellationToken).ConfigureAwait(false);
        if (ReasonToFail(instance, clock.GetUtcNow()) is not { } reason)
        {
            return spec;
        }

        return await specs.UpdateAsync(spec.Id, s => IsInFlight(s.Status) ? SpecChanges.Fail(s, reason) : s, SpecChanges.Events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reconciles every spec a run is working on; returns those it failed.</summary>
    public async Task<IReadOnlyList<Spec>> SweepAsync(IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        var settled = new List<Spec>();
        await foreach (var spec in specs.ListInFlightAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = await ReconcileAsync(spec, workflows, cancellationToken).ConfigureAwait(false);
            if (now.Status != spec.Status)
            {
                settled.Add(now);
            }
        }

        return settled;
    }

    /// <summary>Why a spec whose instance is in <paramref name="instance"/>'s state should fail, or null while the instance may still settle it.</summary>
    public static string? ReasonToFail(WorkflowInstanceState? instance, DateTimeOffset now) => instance switch
    {
        { Status: WorkflowRuntimeStatus.Failed } => $"The workflow engine failed this run: {Detail(instance.Failure)}",
        { Status: WorkflowRuntimeStatus.Terminated } when now - instance.LastUpdatedAt >= TerminationGrace =>
            $"The run was terminated outside OmoiOs: {Detail(instance.Output)}",
        _ => null,
    };

    private static bool IsInFlight(SpecStatus status) => status != SpecStatus.Draft && !SpecTransitions.IsFinished(status);

    private static string Detail(string? text) => string.IsNullOrWhiteSpace(text)
        ? "no reason given"
        : text.Length <= MaxDetailLength ? text.Trim() : text[..MaxDetailLength].TrimEnd() + "…";
}
