using System.Text.Json.Nodes;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Export;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Review;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Core.Application;

/// <summary>
/// What the HTTP API and the CLI do with specs, once, for both hosts. Commands that steer a run take the host's
/// <see cref="IWorkflowClient"/> (Durable Functions in Azure, the local task hub on one machine).
/// </summary>
public sealed class SpecService(
    ISpecRepository specs,
    ISpecTaskRepository specTasks,
    IWorkTaskRepository workTasks,
    ISpecEventRepository events,
    IRepositoryLocator repositories,
    SpecRequestValidator validator,
    ExecutionBridge bridge,
    PlanDocuments plan,
    IIdGenerator ids,
    TimeProvider timeProvider)
{
    public async Task<Spec> CreateAsync(CreateSpecRequest request, CancellationToken cancellationToken)
    {
        var (title, description, repository, options) = validator.Validate(request);
        var resolved = await repositories.GetLocalPathAsync(repository, cancellationToken).ConfigureAwait(false);
        var id = RecordIds.NewSpecId(ids.NewGuid());
        var now = timeProvider.GetUtcNow();
        return await specs.CreateAsync(
            new Spec
            {
                Id = id,
                Title = title,
                Description = description,
                Repository = RepositoryAddress.IsUrl(repository) ? repository : resolved,
                Options = options,
                Branch = $"omoi/{id}",
                InstanceId = id,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The spec, with live progress while its tasks run.</summary>
    public async Task<Spec> GetAsync(string specId, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        if (spec.Status != SpecStatus.ExecutingTasks)
        {
            return spec;
        }

        var status = await ExecutionStatusAsync(spec.Id, cancellationToken).ConfigureAwait(false);
        return spec with { Progress = status.Progress };
    }

    public Task<Page<Spec>> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        specs.ListAsync(Math.Clamp(pageSize, 1, 1000), continuationToken, cancellationToken);

    /// <summary>Starts the spec's run, or answers with the one already running (a re-post never starts a second).</summary>
    public async Task<WorkflowStart> ExecuteAsync(string specId, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        if (await workflows.GetAsync(spec.InstanceId, cancellationToken).ConfigureAwait(false) is { IsRunning: true })
        {
            return new WorkflowStart(spec.InstanceId, Started: false);
        }

        if (spec.Status is SpecStatus.Completed or SpecStatus.Cancelled)
        {
            throw new ConflictException("Spec", specId, $"it is {spec.Status.ToWire()}; create a new spec to run it again.");
        }

        return await workflows.StartAsync(spec.InstanceId, new SpecWorkflowInput(spec.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Bridges the planned tasks into work tasks now, then starts an execution-only run.</summary>
    public async Task<ExecuteTasksResponse> ExecuteTasksAsync(string specId, ExecuteTasksRequest request, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        if (spec.Status is not (SpecStatus.PlanningComplete or SpecStatus.Failed))
        {
            throw new ConflictException("Spec", specId, $"execute-tasks needs planning to be complete (status is {spec.Status.ToWire()}).");
        }

        if (await workflows.GetAsync(spec.InstanceId, cancellationToken).ConfigureAwait(false) is { IsRunning: true })
        {
            throw new ConflictException("Spec", specId, "a run is already in progress.");
        }

        var bridged = await bridge.BridgeAsync(specId, request?.TaskIds, cancellationToken).ConfigureAwait(false);
        var selection = request?.TaskIds is { Count: > 0 } taskIds ? taskIds : null;
        await workflows.StartAsync(spec.InstanceId, new SpecWorkflowInput(spec.Id, ExecuteOnly: true, TaskIds: selection), cancellationToken).ConfigureAwait(false);
        return new ExecuteTasksResponse(bridged.TicketId, bridged.TasksCreated, bridged.TasksSkipped);
    }

    public async Task ApproveAsync(string specId, ApproveRequest request, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflows);
        if (request.Gate is not { } gate)
        {
            throw new ValidationFailedException("gate", "is required: requirements or design.");
        }

        if (request.Approved is not { } approved)
        {
            throw new ValidationFailedException("approved", "is required: true or false.");
        }

        // Taking the pending gate and raising the event is one decision: a repeated or concurrent approve finds
        // nothing pending (409) instead of leaving a second decision in the inbox for the next gate to consume.
        var spec = await specs.UpdateAsync(
            specId,
            s => s.Status == SpecStatus.AwaitingApproval && s.PendingApproval == gate
                ? s with { PendingApproval = null }
                : throw new ConflictException("Spec", specId, $"no {gate.ToWire()} approval is pending (status {s.Status.ToWire()}, pending {s.PendingApproval?.ToWire() ?? "nothing"})."),
            null,
            cancellationToken).ConfigureAwait(false);
        try
        {
            await workflows.RaiseApprovalAsync(spec.InstanceId, new ApprovalDecision(gate, approved, request.Comment), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await specs.UpdateAsync(
                specId,
                s => s.Status == SpecStatus.AwaitingApproval && s.PendingApproval is null ? s with { PendingApproval = gate } : s,
                null,
                CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the run and cancels the spec and its unfinished tasks.</summary>
    public async Task<Spec> CancelAsync(string specId, IWorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        if (SpecTransitions.IsFinished(spec.Status) && spec.Status != SpecStatus.Failed)
        {
            throw new ConflictException("Spec", specId, $"it is already {spec.Status.ToWire()}.");
        }

        if (await workflows.GetAsync(spec.InstanceId, cancellationToken).ConfigureAwait(false) is { IsRunning: true })
        {
            await workflows.TerminateAsync(spec.InstanceId, "cancelled by request", cancellationToken).ConfigureAwait(false);
        }

        foreach (var task in await workTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false))
        {
            if (!WorkTaskTransitions.IsFinished(task.Status) && WorkTaskTransitions.CanTransition(task.Status, WorkTaskStatus.Cancelled))
            {
                await workTasks.UpdateAsync(
                    task.Id,
                    t => WorkTaskTransitions.CanTransition(t.Status, WorkTaskStatus.Cancelled) ? t with { Status = WorkTaskStatus.Cancelled } : t,
                    null,
                    (before, after) => before.Status == after.Status ? [] : [SpecEventDraft.ForTask(after.Id, SpecEventTypes.StatusChanged, new JsonObject { ["to"] = "cancelled" })],
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return await specs.UpdateAsync(
            specId,
            s => s with { Status = SpecStatus.Cancelled, PendingApproval = null, FailureReason = "cancelled by request" },
            (before, after) => SpecChanges.Events(before, after, SpecEventDraft.ForSpec(after.Id, SpecEventTypes.SpecCancelled)),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecutionStatus> ExecutionStatusAsync(string specId, CancellationToken cancellationToken)
    {
        await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        var tasks = await workTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false);
        int Count(params WorkTaskStatus[] statuses) => tasks.Count(t => statuses.Contains(t.Status));
        var counts = new ExecutionCounts(
            Count(WorkTaskStatus.Pending, WorkTaskStatus.Claiming, WorkTaskStatus.Assigned, WorkTaskStatus.NeedsRevision),
            Count(WorkTaskStatus.Running, WorkTaskStatus.PendingValidation, WorkTaskStatus.Validating),
            Count(WorkTaskStatus.Completed),
            Count(WorkTaskStatus.Failed),
            Count(WorkTaskStatus.Blocked),
            Count(WorkTaskStatus.Cancelled));
        var finished = counts.Completed + counts.Failed + counts.Blocked + counts.Cancelled;
        return new ExecutionStatus(
            specId,
            tasks.Count,
            counts,
            tasks.Count == 0 ? 0 : 100 * counts.Completed / tasks.Count,
            tasks.Count > 0 && finished == tasks.Count);
    }

    /// <summary>The spec's failed and blocked tasks with their reasons (see <see cref="TaskFailures"/>).</summary>
    public async Task<IReadOnlyList<TaskFailure>> TaskFailuresAsync(string specId, CancellationToken cancellationToken)
    {
        await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        return TaskFailures.Of(
            await workTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false),
            await specTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The spec's requirements with their criteria: the accepted REQUIREMENTS output as a draft (with the ids SYNC will
    /// give its records) as soon as it passes its evaluation, the stored records once SYNC has run.
    /// </summary>
    public async Task<RequirementListResponse> RequirementsAsync(string specId, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        var planned = await plan.RequirementsAsync(spec, cancellationToken).ConfigureAwait(false);
        var byRequirement = planned.Criteria.ToLookup(c => c.RequirementId, StringComparer.Ordinal);
        var items = planned.Requirements
            .Select(r => new RequirementView(r.Id, r.Key, r.Title, r.Text, r.Pattern, r.Condition, r.Action, r.Category, r.Priority, r.Status,
                byRequirement[r.Id].OrderBy(c => c.Ordinal).Select(c => new CriterionView(c.Id, c.Text, c.Completed)).ToList()))
            .ToList();
        return new RequirementListResponse(items, null, planned.Review.Draft, planned.Review.Changes);
    }

    public async Task<DesignView> DesignAsync(string specId, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        var design = await plan.DesignAsync(spec, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Design", specId);
        return new DesignView(design.Design, design.Review);
    }

    /// <summary>
    /// The planned tasks with their graph's critical path (the chain with the largest total estimate): the accepted
    /// TASKS output as a draft until SYNC stores it.
    /// </summary>
    public async Task<SpecTaskListResponse> TaskListAsync(string specId, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        var planned = await plan.TasksAsync(spec, cancellationToken).ConfigureAwait(false);
        var graph = TaskGraph.Build(planned.Tasks.Select(t => new TaskNode(t.Id, t.DependsOn, t.EstimatedHours)));
        var critical = graph.HasCycle ? new CriticalPath([], 0) : graph.CriticalPath;
        return new SpecTaskListResponse(planned.Tasks, null, critical.TaskIds, critical.Hours, planned.Review.Draft, planned.Review.Changes);
    }

    /// <summary>The plan as Markdown files; before SYNC, its drafts, marked as such.</summary>
    public async Task<IReadOnlyList<ExportFile>> ExportAsync(string specId, SpecExportFormat format, CancellationToken cancellationToken)
    {
        var spec = await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        var source = await plan.ExportSourceAsync(spec, cancellationToken).ConfigureAwait(false);
        return source.Requirements.Count == 0 && source.Tasks.Count == 0
            ? throw new ConflictException("Spec", specId, "it has nothing to export yet: planning has not produced its requirements.")
            : SpecExporter.Export(format, source);
    }

    public async Task<IReadOnlyList<SpecEvent>> EventsAsync(string specId, long after, int max, CancellationToken cancellationToken)
    {
        if (after < 0)
        {
            throw new ValidationFailedException("after", "must be 0 or more.");
        }

        await specs.GetAsync(specId, cancellationToken).ConfigureAwait(false);
        return await events.ListAsync(specId, after, Math.Clamp(max, 1, 1000), cancellationToken).ConfigureAwait(false);
    }
}
