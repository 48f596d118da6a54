using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Core.Workflow.Scheduling;

namespace OmoiOs.Core.Workflow;

/// <summary>
/// The orchestration of one spec, from draft to completed: plan (four phases with evaluator-driven retries and
/// optional approval gates), SYNC, then execute the task graph with ready-list scheduling, then COMPLETE.
/// Deterministic: everything it learns comes from activities, its clock from the context.
/// </summary>
public static class SpecWorkflow
{
    public const int MaxPhaseAttempts = 3;

    /// <summary>Retries of an activity that threw (storage hiccups, a crashed worker); evaluation failures are not these.</summary>
    public static readonly WorkflowRetryPolicy ActivityRetry = new(3, TimeSpan.FromSeconds(2), backoffCoefficient: 2.0);

    private static readonly SpecPhase[] PlanningPhases = [SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design, SpecPhase.Tasks];

    public static async Task<SpecWorkflowResult> RunAsync(IWorkflowContext context, SpecWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await RunStepsAsync(context, input);
        }
        catch (WorkflowStoppedException stopped)
        {
            return await FinishAsync(context, input.SpecId, stopped.Reason);
        }
        catch (ActivityFailedException failed)
        {
            return await FinishAsync(context, input.SpecId, failed.Message);
        }
    }

    private static async Task<SpecWorkflowResult> RunStepsAsync(IWorkflowContext context, SpecWorkflowInput input)
    {
        var settings = await context.CallActivityAsync<SpecRunSettings>(WorkflowActivityCatalog.NameOf<StartPlanningActivity>(), new StartPlanningInput(input.SpecId, input.ExecuteOnly), ActivityRetry);
        if (!input.ExecuteOnly)
        {
            await PlanAsync(context, settings);
        }

        Report(context, SpecPhase.Execute, PhaseProgress.AtStartOf(SpecPhase.Execute), TaskCounts.None);
        var plan = await context.CallActivityAsync<ExecutionPlanInput>(WorkflowActivityCatalog.NameOf<PrepareExecutionActivity>(), new PrepareExecutionInput(input.SpecId, input.TaskIds), ActivityRetry);
        var budgetExhausted = await ExecuteAsync(context, settings, plan);

        Report(context, SpecPhase.Complete, 100, TaskCounts.None);
        return await context.CallActivityAsync<SpecWorkflowResult>(
            WorkflowActivityCatalog.NameOf<CompleteSpecActivity>(),
            new CompleteSpecInput(input.SpecId, budgetExhausted ? FailureReasons.BudgetExhausted : null),
            ActivityRetry);
    }

    private static async Task PlanAsync(IWorkflowContext context, SpecRunSettings settings)
    {
        // Attempt numbers keep counting across a rejection's re-run, so every attempt of a phase has its own number.
        var scope = new PhaseRunScope(settings.SpecId, context.NewGuid().ToString("N"), []);
        foreach (var phase in PlanningPhases)
        {
            Report(context, phase, PhaseProgress.AtStartOf(phase), TaskCounts.None);
            await RunPhaseAsync(context, scope, phase, feedback: null);
            if (GateAfter(phase) is { } gate && settings.RequireApproval.Contains(gate))
            {
                await AwaitApprovalAsync(context, settings, scope, phase, gate);
            }
        }

        Report(context, SpecPhase.Sync, PhaseProgress.AtStartOf(SpecPhase.Sync), TaskCounts.None);
        var sync = await context.CallActivityAsync<SyncResult>(WorkflowActivityCatalog.NameOf<SyncActivity>(), new SyncInput(settings.SpecId), ActivityRetry);
        if (!sync.ReadyForExecution)
        {
            throw new WorkflowStoppedException($"sync found the plan not ready: {string.Join("; ", sync.Blockers)}");
        }
    }

    private static async Task RunPhaseAsync(IWorkflowContext context, PhaseRunScope scope, SpecPhase phase, string? feedback)
    {
        for (var attempt = 1; attempt <= MaxPhaseAttempts; attempt++)
        {
            var number = scope.AttemptsUsed[phase] = scope.AttemptsUsed.GetValueOrDefault(phase) + 1;
            var result = await context.CallActivityAsync<PhaseAttemptResult>(WorkflowActivityCatalog.NameOf<RunPhaseActivity>(), new RunPhaseInput(scope.SpecId, phase, number, feedback, scope.RunId), ActivityRetry);
            if (result.Passed)
            {
                return;
            }

            feedback = result.Feedback;
            if (attempt < MaxPhaseAttempts)
            {
                // The reference's backoff between attempts: 2, 4 s.
                await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(Math.Pow(2, attempt)), CancellationToken.None);
            }
        }

        throw new WorkflowStoppedException($"{phase.ToString().ToLowerInvariant()} failed its evaluation {MaxPhaseAttempts} times: {feedback}");
    }

    private static async Task AwaitApprovalAsync(IWorkflowContext context, SpecRunSettings settings, PhaseRunScope scope, SpecPhase phase, ApprovalGate gate)
    {
        while (true)
        {
            await context.CallActivityAsync<bool>(WorkflowActivityCatalog.NameOf<RequestApprovalActivity>(), new RequestApprovalInput(settings.SpecId, gate), ActivityRetry);
            ApprovalDecision decision;
            try
            {
                decision = await context.WaitForEventAsync<ApprovalDecision>(WorkflowNames.ApprovalEvent, TimeSpan.FromSeconds(settings.ApprovalTimeoutSeconds));
            }
            catch (TaskCanceledException)
            {
                throw new WorkflowStoppedException($"approval of {gate.ToString().ToLowerInvariant()} timed out after {TimeSpan.FromSeconds(settings.ApprovalTimeoutSeconds)}");
            }

            await context.CallActivityAsync<bool>(WorkflowActivityCatalog.NameOf<ResolveApprovalActivity>(), new ResolveApprovalInput(settings.SpecId, decision), ActivityRetry);
            if (decision.Approved)
            {
                return;
            }

            await RunPhaseAsync(context, scope, phase, decision.Comment ?? "The reviewer rejected this output.");
        }
    }

    /// <returns>True when scheduling stopped because the spec's budget was spent.</returns>
    private static async Task<bool> ExecuteAsync(IWorkflowContext context, SpecRunSettings settings, ExecutionPlanInput planInput)
    {
        var plan = new ExecutionPlan(
            planInput.Tasks.Select(t => new PlanTask(t.Id, t.DependsOn, t.Priority, t.EstimatedHours, t.Attempts, t.MaxRetries, t.CreatedAt)),
            completed: planInput.Tasks.Where(t => t.Status == WorkTaskStatus.Completed).Select(t => t.Id),
            failed: planInput.Tasks.Where(t => t.Status == WorkTaskStatus.Failed).Select(t => t.Id),
            blocked: planInput.Tasks.Where(t => t.Status is WorkTaskStatus.Blocked or WorkTaskStatus.Cancelled).Select(t => t.Id));
        var executionId = context.NewGuid().ToString("N");
        var attempts = planInput.Tasks.ToDictionary(t => t.Id, t => t.Attempts, StringComparer.Ordinal);
        var feedback = new Dictionary<string, string?>(StringComparer.Ordinal);
        var running = new Dictionary<Task<TaskAttemptResult>, string>();
        var budgetExhausted = settings.BudgetUsd is { } budget && settings.CostUsd >= budget;

        while (true)
        {
            if (!budgetExhausted)
            {
                foreach (var taskId in plan.TakeReady(settings.MaxParallelTasks - running.Count, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)))
                {
                    attempts[taskId]++;
                    var input = new RunTaskAttemptInput(settings.SpecId, taskId, attempts[taskId], feedback.GetValueOrDefault(taskId), executionId);
                    running.Add(context.CallActivityAsync<TaskAttemptResult>(WorkflowActivityCatalog.NameOf<RunTaskAttemptActivity>(), input, ActivityRetry), taskId);
                }
            }

            var counts = plan.Counts;
            Report(context, SpecPhase.Execute, PhaseProgress.DuringExecution(counts.Completed + counts.Failed + counts.Blocked, counts.Total), new TaskCounts(counts.Pending, counts.Running, counts.Completed, counts.Failed, counts.Blocked));
            if (running.Count == 0)
            {
                return budgetExhausted;
            }

            var finished = await Task.WhenAny(running.Keys);
            var finishedId = running[finished];
            running.Remove(finished);
            var result = await finished;
            if (result.TaskId != finishedId)
            {
                // Only a stale message does this: one that outlived history the store lost (an emulator killed between
                // saves) and now answers a different call. Acting on it could start tasks before what they depend on is done.
                throw new WorkflowStoppedException(
                    $"The engine answered the run of task {finishedId} with the result of task {result.TaskId}: the store lost history that its messages outlived. Run the spec again to resume it.");
            }

            switch (result.Status)
            {
                case WorkTaskStatus.Completed:
                    plan.Complete(finishedId);
                    break;
                case WorkTaskStatus.NeedsRevision:
                    feedback[finishedId] = result.Feedback;
                    plan.Requeue(finishedId);
                    break;
                default:
                    var blocked = plan.Fail(finishedId);
                    if (blocked.Count > 0)
                    {
                        await context.CallActivityAsync<int>(WorkflowActivityCatalog.NameOf<BlockTasksActivity>(), new BlockTasksInput(settings.SpecId, finishedId, blocked), ActivityRetry);
                    }

                    break;
            }

            budgetExhausted |= settings.BudgetUsd is { } limit && result.SpecCostUsd >= limit;
        }
    }

    private static async Task<SpecWorkflowResult> FinishAsync(IWorkflowContext context, string specId, string reason)
    {
        await context.CallActivityAsync<bool>(WorkflowActivityCatalog.NameOf<FailSpecActivity>(), new FailSpecInput(specId, reason), ActivityRetry);
        Report(context, SpecPhase.Complete, 100, TaskCounts.None);
        return new SpecWorkflowResult(specId, SpecStatus.Failed.ToString(), reason, 0, 0, 0);
    }

    private static ApprovalGate? GateAfter(SpecPhase phase) => phase switch
    {
        SpecPhase.Requirements => ApprovalGate.Requirements,
        SpecPhase.Design => ApprovalGate.Design,
        _ => null,
    };

    private static void Report(IWorkflowContext context, SpecPhase phase, int progress, TaskCounts counts) =>
        context.SetCustomStatus(new WorkflowStatus(phase, progress, counts));

    /// <summary>This run's id and how many attempts each phase has used in it.</summary>
    private sealed record PhaseRunScope(string SpecId, string RunId, Dictionary<SpecPhase, int> AttemptsUsed);

    /// <summary>Ends the run early with a reason the spec records.</summary>
    private sealed class WorkflowStoppedException(string reason) : Exception(reason)
    {
        public string Reason { get; } = reason;
    }
}
