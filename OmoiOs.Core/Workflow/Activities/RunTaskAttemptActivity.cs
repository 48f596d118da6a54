using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Workflow.Activities;

/// <summary>
/// One attempt of one task: claim it (running), run the agent and its checks through <see cref="ITaskRunner"/>,
/// keep the full log, and record the verdict on the task, its spec task and the event log in one transaction.
/// Idempotent: a task already past this attempt answers from its record.
/// </summary>
public sealed class RunTaskAttemptActivity(
    ISpecRepository specs,
    IWorkTaskRepository tasks,
    ISpecTaskRepository specTasks,
    IRequirementRepository requirements,
    PhaseRunner phases,
    ITaskRunner runner,
    ILargeTextStore texts,
    TimeProvider timeProvider)
{
    public async Task<TaskAttemptResult> RunAsync(RunTaskAttemptInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var task = await tasks.GetAsync(input.TaskId, cancellationToken).ConfigureAwait(false);
        if (WorkTaskTransitions.IsFinished(task.Status) || (task.Status == WorkTaskStatus.NeedsRevision && task.Attempts >= input.Attempt))
        {
            var spec = await specs.GetAsync(input.SpecId, cancellationToken).ConfigureAwait(false);
            return new TaskAttemptResult(task.Id, task.Attempts, task.Status, task.Feedback, task.Error, spec.CostUsd);
        }

        if (task.Status != WorkTaskStatus.Running)
        {
            task = await tasks.UpdateAsync(
                task.Id,
                t => t.Status == WorkTaskStatus.Running ? t : t with { Status = WorkTaskStatus.Running, Attempts = input.Attempt, StartedAt = timeProvider.GetUtcNow(), Error = null },
                _ => SpecTaskStatus.InProgress,
                (_, after) => [SpecEventDraft.ForTask(after.Id, SpecEventTypes.TaskStarted, new JsonObject { ["attempt"] = input.Attempt })],
                cancellationToken).ConfigureAwait(false);
        }

        var outcome = await RunAgentAsync(input, task, cancellationToken).ConfigureAwait(false);
        var logKey = $"log-{task.Id}-{input.Attempt}";
        await texts.WriteAsync(input.SpecId, logKey, outcome.Log, cancellationToken).ConfigureAwait(false);

        var retry = outcome.Verdict != TaskRunVerdict.Completed && input.Attempt <= task.MaxRetries;
        var status = outcome.Verdict == TaskRunVerdict.Completed ? WorkTaskStatus.Completed : retry ? WorkTaskStatus.NeedsRevision : WorkTaskStatus.Failed;
        var now = timeProvider.GetUtcNow();
        var finished = await tasks.UpdateAsync(
            task.Id,
            // Only the run that holds the task records its verdict; a duplicate run (or a retried write that had
            // already landed) finds it decided and changes nothing.
            t => t.Status != WorkTaskStatus.Running || t.Attempts != input.Attempt ? t : t with
            {
                Status = status,
                Result = outcome.Result with { LogKey = logKey },
                Feedback = outcome.Feedback,
                Error = outcome.Error,
                CompletedAt = status == WorkTaskStatus.NeedsRevision ? null : now,
            },
            t => t.Status switch
            {
                WorkTaskStatus.Completed => SpecTaskStatus.Completed,
                WorkTaskStatus.Failed => SpecTaskStatus.Failed,
                _ => null,
            },
            (_, after) => [SpecEventDraft.ForTask(after.Id, EventTypeFor(status), new JsonObject
            {
                ["attempt"] = input.Attempt,
                ["exitCode"] = outcome.Result.ExitCode,
                ["checksPassed"] = outcome.Result.ChecksPassed,
                ["diffStat"] = outcome.Result.DiffStat,
                ["costUsd"] = outcome.Result.CostUsd,
                ["durationMs"] = outcome.Result.DurationMs,
                ["mergedCommit"] = outcome.Result.MergedCommit,
                ["error"] = outcome.Error,
            })],
            cancellationToken).ConfigureAwait(false);

        var specCost = outcome.Result.CostUsd > 0
            ? (await specs.UpdateAsync(input.SpecId, s => s with { CostUsd = s.CostUsd + outcome.Result.CostUsd, InputTokens = s.InputTokens + outcome.Result.InputTokens, OutputTokens = s.OutputTokens + outcome.Result.OutputTokens }, null, cancellationToken).ConfigureAwait(false)).CostUsd
            : (await specs.GetAsync(input.SpecId, cancellationToken).ConfigureAwait(false)).CostUsd;
        return new TaskAttemptResult(finished.Id, input.Attempt, finished.Status, finished.Feedback, finished.Error, specCost);
    }

    private async Task<TaskRunOutcome> RunAgentAsync(RunTaskAttemptInput input, WorkTask task, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(input.SpecId, cancellationToken).ConfigureAwait(false);
        var specTask = await specTasks.GetAsync(task.SpecTaskId, cancellationToken).ConfigureAwait(false);
        var addressed = specTask.Requirements.ToHashSet(StringComparer.Ordinal);
        var requirementRecords = (await requirements.ListAsync(input.SpecId, cancellationToken).ConfigureAwait(false)).Where(r => addressed.Contains(r.Id)).ToList();
        var criteria = (await requirements.ListCriteriaAsync(input.SpecId, cancellationToken).ConfigureAwait(false)).Where(c => addressed.Contains(c.RequirementId)).ToList();
        var design = await phases.LoadAsync<DesignOutput>(input.SpecId, SpecPhase.Design, cancellationToken).ConfigureAwait(false);
        var explore = await phases.LoadAsync<ExploreOutput>(input.SpecId, SpecPhase.Explore, cancellationToken).ConfigureAwait(false);
        var request = new TaskRunRequest
        {
            Spec = spec,
            Task = task,
            SpecTask = specTask,
            Requirements = requirementRecords,
            AcceptanceCriteria = criteria,
            DesignSummary = DesignSummary(design),
            CheckCommand = spec.Options.CheckCommand ?? explore?.TestCommand,
            Attempt = input.Attempt,
            Feedback = input.Feedback,
        };
        return await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string DesignSummary(DesignOutput? design) => design is null ? "" : string.Join(
        "\n",
        [design.ArchitectureOverview, .. design.Components.Select(c => $"- {c.Name} ({c.FilePath}): {c.Responsibility}")]);

    private static string EventTypeFor(WorkTaskStatus status) => status switch
    {
        WorkTaskStatus.Completed => SpecEventTypes.TaskCompleted,
        WorkTaskStatus.NeedsRevision => SpecEventTypes.TaskRetry,
        _ => SpecEventTypes.TaskFailed,
    };
}
