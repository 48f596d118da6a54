using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>
/// One attempt of a planning phase, with its events and cost on the spec. Idempotent: an attempt whose outcome
/// is already in the spec's event log is answered from there, so a re-run after a crash neither calls the
/// planner again nor counts its cost twice.
/// </summary>
public sealed class RunPhaseActivity(ISpecRepository specs, ISpecEventRepository events, PhaseRunner runner, TimeProvider timeProvider) : IWorkflowActivity<RunPhaseInput, PhaseAttemptResult>
{
    private static readonly string[] OutcomeTypes = [SpecEventTypes.PhaseCompleted, SpecEventTypes.PhaseRetry, SpecEventTypes.PhaseFailed];

    public async Task<PhaseAttemptResult> RunAsync(RunPhaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await FindRecordedAsync(input, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            return recorded;
        }

        var phaseName = input.Phase.ToWire();
        var spec = await specs.UpdateAsync(
            input.SpecId,
            s => s with
            {
                CurrentPhase = input.Phase,
                Progress = PhaseProgress.AtStartOf(input.Phase),
                PhaseAttempts = new Dictionary<string, int>(s.PhaseAttempts) { [phaseName] = input.Attempt },
            },
            (before, after) => SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.PhaseStarted, new JsonObject { ["phase"] = phaseName, ["attempt"] = input.Attempt })),
            cancellationToken).ConfigureAwait(false);

        var run = await runner.RunAsync(spec, input.Phase, input.Attempt, input.Feedback, cancellationToken).ConfigureAwait(false);
        var evaluation = run.Evaluation;
        var result = new PhaseAttemptResult(input.Phase, input.Attempt, evaluation.Passed, evaluation.Score, evaluation.Feedback, run.Usage.CostUsd);
        var outcomeType = evaluation.Passed ? SpecEventTypes.PhaseCompleted
            : input.Attempt % SpecWorkflow.MaxPhaseAttempts == 0 ? SpecEventTypes.PhaseFailed
            : SpecEventTypes.PhaseRetry;
        var outcome = SpecEventDraft.ForSpec(input.SpecId, outcomeType, new JsonObject
        {
            ["phase"] = phaseName,
            ["attempt"] = input.Attempt,
            ["run"] = input.RunId,
            ["passed"] = evaluation.Passed,
            ["score"] = Math.Round(evaluation.Score, 3),
            ["feedback"] = evaluation.Feedback,
            ["costUsd"] = run.Usage.CostUsd,
            ["inputTokens"] = run.Usage.InputTokens,
            ["outputTokens"] = run.Usage.OutputTokens,
            ["model"] = run.Usage.Model,
        });

        await specs.UpdateAsync(
            input.SpecId,
            s => s with
            {
                CostUsd = s.CostUsd + run.Usage.CostUsd,
                InputTokens = s.InputTokens + run.Usage.InputTokens,
                OutputTokens = s.OutputTokens + run.Usage.OutputTokens,
                LastError = evaluation.Passed ? null : evaluation.Feedback,
                LastCheckpointAt = timeProvider.GetUtcNow(),
            },
            (_, _) => Generated(input.SpecId, run.Output) is { } generated ? [outcome, generated] : [outcome],
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<PhaseAttemptResult?> FindRecordedAsync(RunPhaseInput input, CancellationToken cancellationToken)
    {
        var log = await events.ListAsync(input.SpecId, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var phaseName = input.Phase.ToWire();
        var recorded = log.LastOrDefault(e => OutcomeTypes.Contains(e.Type)
            && (string?)e.Payload["phase"] == phaseName
            && (int?)e.Payload["attempt"] == input.Attempt
            && (string?)e.Payload["run"] == input.RunId);
        return recorded is null ? null : new PhaseAttemptResult(
            input.Phase,
            input.Attempt,
            (bool?)recorded.Payload["passed"] ?? false,
            (double?)recorded.Payload["score"] ?? 0,
            (string?)recorded.Payload["feedback"] ?? "",
            (decimal?)recorded.Payload["costUsd"] ?? 0m);
    }

    private static SpecEventDraft? Generated(string specId, object? output) => output switch
    {
        RequirementsOutput r => SpecEventDraft.ForSpec(specId, SpecEventTypes.RequirementsGenerated, new JsonObject { ["requirements"] = r.Requirements.Count }),
        DesignOutput d => SpecEventDraft.ForSpec(specId, SpecEventTypes.DesignGenerated, new JsonObject { ["components"] = d.Components.Count }),
        TasksOutput t => SpecEventDraft.ForSpec(specId, SpecEventTypes.TasksGenerated, new JsonObject { ["tasks"] = t.Tasks.Count }),
        _ => null,
    };
}
