using OmoiOs.Core.Domain;
using OmoiOs.Core.Export;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Planning.Review;

/// <summary>
/// A spec's plan as a reviewer reads it. Once SYNC has run, the stored records. Before that, and while a gate waits on
/// a re-planned phase, the accepted phase outputs as drafts, with the ids SYNC will give their records.
/// </summary>
public sealed class PlanDocuments(IRequirementRepository requirements, ISpecTaskRepository specTasks, PhaseRunner phases)
{
    public async Task<PlannedRequirements> RequirementsAsync(Spec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return await RequirementsAsync(spec, await ShowsDraftAsync(spec, SpecPhase.Requirements, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<PlannedDesign?> DesignAsync(Spec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return await DesignAsync(spec, await ShowsDraftAsync(spec, SpecPhase.Design, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<PlannedTasks> TasksAsync(Spec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return await TasksAsync(spec, await ShowsDraftAsync(spec, SpecPhase.Tasks, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Everything an export renders, marked draft when any part of it is; SYNC's output is read once for the three.</summary>
    public async Task<SpecExportSource> ExportSourceAsync(Spec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var synced = await SyncedAsync(spec, cancellationToken).ConfigureAwait(false);
        var planned = await RequirementsAsync(spec, ShowsDraft(spec, SpecPhase.Requirements, synced), cancellationToken).ConfigureAwait(false);
        var design = await DesignAsync(spec, ShowsDraft(spec, SpecPhase.Design, synced), cancellationToken).ConfigureAwait(false);
        var tasks = await TasksAsync(spec, ShowsDraft(spec, SpecPhase.Tasks, synced), cancellationToken).ConfigureAwait(false);
        return new SpecExportSource(spec, planned.Requirements, planned.Criteria, design?.Design, tasks.Tasks)
        {
            Draft = planned.Review.Draft || design?.Review.Draft == true || tasks.Review.Draft,
        };
    }

    private async Task<PlannedRequirements> RequirementsAsync(Spec spec, bool showsDraft, CancellationToken cancellationToken)
    {
        if (!showsDraft)
        {
            return new PlannedRequirements(
                await requirements.ListAsync(spec.Id, cancellationToken).ConfigureAwait(false),
                await requirements.ListCriteriaAsync(spec.Id, cancellationToken).ConfigureAwait(false),
                PlanReview.Final);
        }

        var output = await phases.LoadAsync<RequirementsOutput>(spec.Id, SpecPhase.Requirements, cancellationToken).ConfigureAwait(false);
        var planned = output?.Requirements ?? [];
        return new PlannedRequirements(
            planned.Select(r => RequirementRecords.Requirement(spec.Id, r)).ToList(),
            planned.SelectMany(r => RequirementRecords.Criteria(spec.Id, r)).ToList(),
            await ReviewAsync(spec, SpecPhase.Requirements, output, PlanChanges.Between, cancellationToken).ConfigureAwait(false));
    }

    private async Task<PlannedDesign?> DesignAsync(Spec spec, bool showsDraft, CancellationToken cancellationToken)
    {
        var output = await phases.LoadAsync<DesignOutput>(spec.Id, SpecPhase.Design, cancellationToken).ConfigureAwait(false);
        if (output is null)
        {
            return null;
        }

        var review = showsDraft
            ? await ReviewAsync(spec, SpecPhase.Design, output, PlanChanges.Between, cancellationToken).ConfigureAwait(false)
            : PlanReview.Final;
        return new PlannedDesign(output, review);
    }

    private async Task<PlannedTasks> TasksAsync(Spec spec, bool showsDraft, CancellationToken cancellationToken)
    {
        if (!showsDraft)
        {
            return new PlannedTasks(await specTasks.ListAsync(spec.Id, cancellationToken).ConfigureAwait(false), PlanReview.Final);
        }

        var output = await phases.LoadAsync<TasksOutput>(spec.Id, SpecPhase.Tasks, cancellationToken).ConfigureAwait(false);
        return new PlannedTasks(
            (output?.Tasks ?? []).Select(t => SpecTaskRecords.Task(spec.Id, t)).ToList(),
            await ReviewAsync(spec, SpecPhase.Tasks, output, PlanChanges.Between, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Drafts show until SYNC has stored the plan; a phase whose gate waits for approval shows its draft even after an
    /// earlier SYNC (a spec planned again).
    /// </summary>
    private async Task<bool> ShowsDraftAsync(Spec spec, SpecPhase phase, CancellationToken cancellationToken) =>
        IsPending(spec, phase) || !await SyncedAsync(spec, cancellationToken).ConfigureAwait(false);

    private static bool ShowsDraft(Spec spec, SpecPhase phase, bool synced) => IsPending(spec, phase) || !synced;

    private async Task<bool> SyncedAsync(Spec spec, CancellationToken cancellationToken) =>
        await phases.LoadAsync<SyncOutput>(spec.Id, SpecPhase.Sync, cancellationToken).ConfigureAwait(false) is not null;

    private async Task<PlanReview> ReviewAsync<T>(Spec spec, SpecPhase phase, T? output, Func<T, T, PlanChanges> changes, CancellationToken cancellationToken)
        where T : class
    {
        var approved = phase switch
        {
            SpecPhase.Requirements => spec.RequirementsApprovedAt is not null,
            SpecPhase.Design => spec.DesignApprovedAt is not null,
            _ => false,
        };
        if (approved && !IsPending(spec, phase))
        {
            return PlanReview.Final;
        }

        if (output is null)
        {
            return new PlanReview(true, null);
        }

        var replaced = await phases.LoadReplacedAsync<T>(spec.Id, phase, cancellationToken).ConfigureAwait(false);
        return new PlanReview(true, replaced is null ? null : changes(replaced, output));
    }

    private static bool IsPending(Spec spec, SpecPhase phase) => spec.PendingApproval switch
    {
        ApprovalGate.Requirements => phase == SpecPhase.Requirements,
        ApprovalGate.Design => phase == SpecPhase.Design,
        _ => false,
    };
}

public sealed record PlannedRequirements(IReadOnlyList<SpecRequirement> Requirements, IReadOnlyList<SpecAcceptanceCriterion> Criteria, PlanReview Review);

public sealed record PlannedDesign(DesignOutput Design, PlanReview Review);

public sealed record PlannedTasks(IReadOnlyList<SpecTask> Tasks, PlanReview Review);
