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
/// Idempotent: a task already past this attempt answers from its record. What every attempt of an execution reads
/// alike (spec, planned tasks, requirements, design) is read once per execution (<see cref="ExecutionInputsCache"/>).
/// </summary>
public sealed class RunTaskAttemptActivity(
    ISpecRepository specs,
    IWorkTaskRepository tasks,
    ISpecTaskRepository specTasks,
    IRequirementRepository requirements,
    PhaseRunner phases,
    ITaskRunner runner,
    ILargeTextStore texts,
    ExecutionInputsCache inputsCache,
    IRepositoryLocator repositories,
    TimeProvider timeProvider) : IWorkflowActivity<RunTaskAttemptInput, TaskAttemptResult>
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

        var inputs = await inputsCache.GetAsync(input.SpecId, input.ExecutionId, token => LoadInputsAsync(input.SpecId, token), cancellationToken).ConfigureAwait(false);
        var specTask = inputs.SpecTasksByWorkTask.GetValueOrDefault(task.Id) is { } planned && planned.Id == task.SpecTaskId
            ? planned
            : await specTasks.GetAsync(task.SpecTaskId, cancellationToken).ConfigureAwait(false);
        if (task.Status != WorkTaskStatus.Running)
        {
            task = await tasks.UpdateAsync(
                task,
                specTask,
                t => t.Status == WorkTaskStatus.Running ? t : t with { Status = WorkTaskStatus.Running, Attempts = input.Attempt, StartedAt = timeProvider.GetUtcNow(), Error = null },
                _ => SpecTaskStatus.InProgress,
                (_, after) => [SpecEventDraft.ForTask(after.Id, SpecEventTypes.TaskStarted, new JsonObject { ["attempt"] = input.Attempt })],
                cancellationToken).ConfigureAwait(false);
        }

        var outcome = await runner.RunAsync(Request(inputs, task, specTask, input), cancellationToken).ConfigureAwait(false);
        var logKey = $"log-{task.Id}-{input.Attempt}";
        await texts.WriteAsync(input.SpecId, logKey, outcome.Log, cancellationToken).ConfigureAwait(false);

        var retry = outcome.Verdict != TaskRunVerdict.Completed && outcome.Retryable && input.Attempt <= task.MaxRetries;
        var status = outcome.Verdict == TaskRunVerdict.Completed ? WorkTaskStatus.Completed : retry ? WorkTaskStatus.NeedsRevision : WorkTaskStatus.Failed;
        var now = timeProvider.GetUtcNow();
        var finished = await tasks.UpdateAsync(
            task,
            specTask,
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
            cancellationToken,
            // The attempt's cost is added with its verdict or not at all: a run that finds the verdict recorded (a
            // duplicate, or a write that had landed before a crash) adds nothing, so the spec's cost stays the sum of
            // its recorded attempts'.
            outcome.Result.CostUsd > 0 || outcome.Result.InputTokens > 0 || outcome.Result.OutputTokens > 0
                ? s => s with { CostUsd = s.CostUsd + outcome.Result.CostUsd, InputTokens = s.InputTokens + outcome.Result.InputTokens, OutputTokens = s.OutputTokens + outcome.Result.OutputTokens }
                : null).ConfigureAwait(false);

        // An attempt that spent nothing reports the cost it knows: the budget only needs the attempts that spend
        // to report the fresh total, which they do.
        var specCost = outcome.Result.CostUsd > 0
            ? (await specs.GetAsync(input.SpecId, cancellationToken).ConfigureAwait(false)).CostUsd
            : inputs.Spec.CostUsd;
        return new TaskAttemptResult(finished.Id, input.Attempt, finished.Status, finished.Feedback, finished.Error, specCost);
    }

    private static TaskRunRequest Request(ExecutionInputs inputs, WorkTask task, SpecTask specTask, RunTaskAttemptInput input) => new()
    {
        Spec = inputs.Spec,
        Task = task,
        SpecTask = specTask,
        Requirements = [.. specTask.Requirements.Distinct(StringComparer.Ordinal).Select(inputs.Requirements.GetValueOrDefault).OfType<SpecRequirement>().OrderBy(r => r.Key, StringComparer.Ordinal)],
        AcceptanceCriteria = [.. specTask.Requirements.Distinct(StringComparer.Ordinal).SelectMany(id => inputs.CriteriaByRequirement[id]).OrderBy(c => c.RequirementId, StringComparer.Ordinal).ThenBy(c => c.Ordinal)],
        DesignSummary = inputs.DesignSummary,
        CheckCommand = inputs.CheckCommand,
        Attempt = input.Attempt,
        Feedback = input.Feedback,
    };

    private async Task<ExecutionInputs> LoadInputsAsync(string specId, CancellationToken cancellationToken)
    {
        var spec = specs.GetAsync(specId, cancellationToken);
        var planned = specTasks.ListAsync(specId, cancellationToken);
        var requirementRecords = requirements.ListAsync(specId, cancellationToken);
        var criteria = requirements.ListCriteriaAsync(specId, cancellationToken);
        var design = phases.LoadAsync<DesignOutput>(specId, SpecPhase.Design, cancellationToken);
        var explore = phases.LoadAsync<ExploreOutput>(specId, SpecPhase.Explore, cancellationToken);
        await Task.WhenAll(spec, planned, requirementRecords, criteria, design, explore).ConfigureAwait(false);
        // A spec on a git URL works on the local clone the locator keeps; its spec branch lives there.
        var repository = RepositoryAddress.IsUrl(spec.Result.Repository)
            ? await repositories.GetLocalPathAsync(spec.Result.Repository, cancellationToken).ConfigureAwait(false)
            : spec.Result.Repository;
        return new ExecutionInputs(
            spec.Result with { Repository = repository },
            planned.Result.Where(t => t.WorkTaskId is not null).ToDictionary(t => t.WorkTaskId!, StringComparer.Ordinal),
            requirementRecords.Result.ToDictionary(r => r.Id, StringComparer.Ordinal),
            criteria.Result.ToLookup(c => c.RequirementId, StringComparer.Ordinal),
            DesignSummary(design.Result),
            spec.Result.Options.CheckCommand ?? explore.Result?.TestCommand);
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
