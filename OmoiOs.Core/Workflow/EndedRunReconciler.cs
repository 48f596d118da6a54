using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow;

/// <summary>
/// Settles a spec whose run ended without settling it. <see cref="SpecWorkflow"/> always ends its spec, completed or
/// failed with a reason, but the engine can end an instance past the workflow's own handling: a history the code no
/// longer replays (non-determinism after an upgrade), stale messages meeting a history that storage lost writes of (an
/// Azurite killed under a running worker), a failure of the activity that records the failure itself (its retries spent
/// while storage was gone), a termination from outside OmoiOs (the Durable Functions Monitor). Left alone, such a spec
/// keeps its last in-flight status for good, and <c>omoi run</c> would wait on it.
/// </summary>
/// <remarks>
/// A run the engine failed is restarted, up to <see cref="MaxRestarts"/> times: a new execution starts from the records,
/// which keep every finished phase and task, so it resumes where the records stand, on the code that runs now. A run
/// terminated from outside, or failed once more after its restarts, fails its spec with the engine's reason; it can be
/// run again.
/// </remarks>
public sealed class EndedRunReconciler(ISpecRepository specs, TimeProvider clock)
{
    /// <summary>How long a terminated instance is left to whoever terminated it: a cancel terminates first and then cancels the spec.</summary>
    public static readonly TimeSpan TerminationGrace = TimeSpan.FromMinutes(1);

    public const int MaxRestarts = 2;

    private const int MaxDetailLength = 400;

    /// <summary>What was done for the spec, or null when its run is not one the engine ended without settling it.</summary>
    public async Task<EndedRun?> ReconcileAsync(Spec spec, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(workflows);
        if (!IsInFlight(spec.Status))
        {
            return null;
        }

        var instance = await workflows.GetAsync(spec.InstanceId, cancellationToken).ConfigureAwait(false);
        return Decide(instance, spec.Status, clock.GetUtcNow()) switch
        {
            { Restart: { } input } decision => await RestartAsync(spec, input, decision.Reason, workflows, cancellationToken).ConfigureAwait(false),
            { } decision => await FailAsync(spec, decision.Reason, cancellationToken).ConfigureAwait(false),
            null => null,
        };
    }

    /// <summary>Reconciles every spec a run is working on; returns what it did to each it acted on.</summary>
    public async Task<IReadOnlyList<EndedRun>> SweepAsync(IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        var acted = new List<EndedRun>();
        await foreach (var spec in specs.ListInFlightAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await ReconcileAsync(spec, workflows, cancellationToken).ConfigureAwait(false) is { } ended)
            {
                acted.Add(ended);
            }
        }

        return acted;
    }

    /// <summary>
    /// What a spec in <paramref name="status"/> whose instance is in <paramref name="instance"/>'s state needs: a restart
    /// (with the next run's input), a failure, or nothing (null) while the instance may still settle it. A spec whose
    /// planning is complete restarts as an execute-only run: a full run would plan it again.
    /// </summary>
    public static EndedRunDecision? Decide(WorkflowInstanceState? instance, SpecStatus status, DateTimeOffset now) => instance switch
    {
        { Status: WorkflowRuntimeStatus.Failed, Input: { Restarts: < MaxRestarts } input } =>
            new(
                $"The workflow engine failed this run: {Detail(instance.Failure)}",
                input with { Restarts = input.Restarts + 1, ExecuteOnly = input.ExecuteOnly || status is SpecStatus.PlanningComplete or SpecStatus.ExecutingTasks }),
        { Status: WorkflowRuntimeStatus.Failed } =>
            new($"The workflow engine failed this run{(instance.Input is { Restarts: > 0 } input ? $", after {input.Restarts} restarts" : "")}: {Detail(instance.Failure)}", null),
        { Status: WorkflowRuntimeStatus.Terminated } when now - instance.LastUpdatedAt >= TerminationGrace =>
            new($"The run was terminated outside OmoiOs: {Detail(instance.Output)}", null),
        _ => null,
    };

    private async Task<EndedRun> FailAsync(Spec spec, string reason, CancellationToken cancellationToken)
    {
        var failed = await specs.UpdateAsync(spec.Id, s => IsInFlight(s.Status) ? SpecChanges.Fail(s, reason) : s, SpecChanges.Events, cancellationToken).ConfigureAwait(false);
        return new EndedRun(failed, EndedRunAction.Failed, reason);
    }

    /// <remarks>
    /// The spec notes the restart first (its last error, and a <c>run_restarted</c> event), then the run starts: a
    /// reconciler that stops between the two leaves an instance still failed with the same input, and the next one
    /// starts it without noting it twice. Two at once start one run: a start is refused while an instance runs.
    /// </remarks>
    private async Task<EndedRun?> RestartAsync(Spec spec, SpecWorkflowInput next, string reason, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        var note = $"{reason} The run was restarted ({next.Restarts} of {MaxRestarts}).";
        var noted = await specs.UpdateAsync(
            spec.Id,
            s => IsInFlight(s.Status) && s.LastError != note ? s with { LastError = note } : s,
            (before, after) => SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.RunRestarted, new JsonObject
            {
                ["reason"] = reason,
                ["restart"] = next.Restarts,
                ["maxRestarts"] = MaxRestarts,
            })),
            cancellationToken).ConfigureAwait(false);
        if (!IsInFlight(noted.Status))
        {
            return null;
        }

        await workflows.StartAsync(spec.InstanceId, next, cancellationToken).ConfigureAwait(false);
        return new EndedRun(noted, EndedRunAction.Restarted, reason);
    }

    private static bool IsInFlight(SpecStatus status) => status != SpecStatus.Draft && !SpecTransitions.IsFinished(status);

    private static string Detail(string? text) => string.IsNullOrWhiteSpace(text)
        ? "no reason given"
        : text.Length <= MaxDetailLength ? text.Trim() : text[..MaxDetailLength].TrimEnd() + "…";
}
