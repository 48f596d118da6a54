using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Planning.Sync;

/// <summary>
/// SYNC: turns the accepted REQUIREMENTS and TASKS outputs into records (requirements, acceptance criteria, spec
/// tasks) in entity-group batches, with ids derived from the planner's keys so that running it again changes
/// nothing. Records already stored keep their status (a re-run never resets work in progress).
/// </summary>
public sealed class SyncService(PhaseRunner phases, IRequirementRepository requirements, ISpecTaskRepository specTasks, ILargeTextStore texts)
{
    public async Task<SyncOutput> SyncAsync(string specId, CancellationToken cancellationToken)
    {
        var loadingRequirements = phases.LoadAsync<RequirementsOutput>(specId, SpecPhase.Requirements, cancellationToken);
        var loadingTasks = phases.LoadAsync<TasksOutput>(specId, SpecPhase.Tasks, cancellationToken);
        await Task.WhenAll(loadingRequirements, loadingTasks).ConfigureAwait(false);
        var planned = loadingRequirements.Result ?? throw new ConflictException("Spec", specId, "it has no accepted requirements to sync.");
        var tasksOutput = loadingTasks.Result ?? throw new ConflictException("Spec", specId, "it has no accepted tasks to sync.");

        var requirementIds = planned.Requirements.ToDictionary(r => r.Id, r => RecordIds.Requirement(specId, r.Id), StringComparer.Ordinal);
        var taskIds = tasksOutput.Tasks.ToDictionary(t => t.Id, t => RecordIds.SpecTask(specId, t.Id), StringComparer.Ordinal);
        var graph = TaskGraph.Build(tasksOutput.Tasks.Select(t => new TaskNode(t.Id, t.DependsOn, t.EstimatedHours)));
        var issues = Validate(planned, tasksOutput, graph);
        var coverage = Coverage(planned, tasksOutput);
        var output = new SyncOutput
        {
            Validation = new SyncValidation
            {
                AllRequirementsCovered = coverage.All(c => c.Level != CoverageLevel.NotCovered),
                NoCircularDependencies = !graph.HasCycle,
                AllIdsValid = graph.DuplicateIds.Count == 0 && graph.DanglingDependencies.Count == 0,
                Issues = issues,
            },
            Coverage = coverage,
            Dependencies = graph.HasCycle ? new DependencyAnalysis() : graph.ToDependencyAnalysis(),
            ReadyForExecution = issues.Count == 0,
            Blockers = issues,
            TaskIdMap = taskIds,
            RequirementIdMap = requirementIds,
        };
        if (issues.Count > 0)
        {
            // Nothing is written from a plan that cannot execute.
            return output;
        }

        var buildingRequirements = BuildRequirementsAsync(specId, planned, cancellationToken);
        var buildingTasks = BuildTasksAsync(specId, tasksOutput, cancellationToken);
        await Task.WhenAll(buildingRequirements, buildingTasks).ConfigureAwait(false);
        var (requirementRecords, criterionRecords) = buildingRequirements.Result;
        var taskRecords = buildingTasks.Result;
        await requirements.UpsertAsync(specId, requirementRecords, criterionRecords, cancellationToken).ConfigureAwait(false);
        await specTasks.UpsertAsync(specId, taskRecords, cancellationToken).ConfigureAwait(false);

        output = output with { RequirementsWritten = requirementRecords.Count, CriteriaWritten = criterionRecords.Count, TasksWritten = taskRecords.Count };
        await texts.WriteAsync(specId, PhaseOutputKeys.For(SpecPhase.Sync), JsonSerializer.Serialize(output, PlanningJsonContext.Default.SyncOutput), cancellationToken).ConfigureAwait(false);
        return output;
    }

    private static List<string> Validate(RequirementsOutput planned, TasksOutput tasks, TaskGraph graph)
    {
        var issues = new List<string>();
        issues.AddRange(graph.DuplicateIds.Select(id => $"task id {id} is used more than once"));
        issues.AddRange(graph.DanglingDependencies.Select(d => $"{d.TaskId} depends on {d.MissingId}, which does not exist"));
        if (graph.HasCycle)
        {
            issues.Add($"dependency cycle: {string.Join(" → ", graph.Cycle)}");
        }

        var requirementKeys = planned.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        issues.AddRange(planned.Requirements.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => $"requirement id {g.Key} is used more than once"));
        issues.AddRange(tasks.Tasks.SelectMany(t => t.RequirementsAddressed.Where(r => !requirementKeys.Contains(r)).Select(r => $"{t.Id} addresses {r}, which does not exist")));
        return issues;
    }

    private static List<CoverageEntry> Coverage(RequirementsOutput planned, TasksOutput tasks)
    {
        var coveringTasks = tasks.Tasks
            .SelectMany(t => t.RequirementsAddressed.Distinct(StringComparer.Ordinal).Select(r => (Requirement: r, Task: t)))
            .ToLookup(p => p.Requirement, p => p.Task, StringComparer.Ordinal);
        return planned.Requirements.Select(requirement =>
        {
            var covering = coveringTasks[requirement.Id].ToList();
            var level = covering.Count == 0 ? CoverageLevel.NotCovered
                : covering.Any(t => t.Type is SpecTaskType.Implementation or SpecTaskType.Refactor or SpecTaskType.Configuration) ? CoverageLevel.FullyCovered
                : CoverageLevel.PartiallyCovered;
            return new CoverageEntry(requirement.Id, level, covering.Select(t => t.Id).ToList());
        }).ToList();
    }

    private async Task<(List<SpecRequirement>, List<SpecAcceptanceCriterion>)> BuildRequirementsAsync(string specId, RequirementsOutput planned, CancellationToken cancellationToken)
    {
        var listingRequirements = requirements.ListAsync(specId, cancellationToken);
        var listingCriteria = requirements.ListCriteriaAsync(specId, cancellationToken);
        await Task.WhenAll(listingRequirements, listingCriteria).ConfigureAwait(false);
        var stored = listingRequirements.Result.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var storedCriteria = listingCriteria.Result.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var requirementRecords = new List<SpecRequirement>(planned.Requirements.Count);
        var criterionRecords = new List<SpecAcceptanceCriterion>();
        foreach (var requirement in planned.Requirements)
        {
            var record = RequirementRecords.Requirement(specId, requirement);
            requirementRecords.Add(record with { Status = stored.GetValueOrDefault(record.Id)?.Status ?? RequirementStatus.Pending });
            criterionRecords.AddRange(RequirementRecords.Criteria(specId, requirement)
                .Select(c => c with { Completed = storedCriteria.GetValueOrDefault(c.Id)?.Completed ?? false }));
        }

        return (requirementRecords, criterionRecords);
    }

    private async Task<List<SpecTask>> BuildTasksAsync(string specId, TasksOutput planned, CancellationToken cancellationToken)
    {
        var stored = (await specTasks.ListAsync(specId, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        return planned.Tasks.Select(task =>
        {
            var record = SpecTaskRecords.Task(specId, task);
            var existing = stored.GetValueOrDefault(record.Id);
            return record with { Status = existing?.Status ?? SpecTaskStatus.Pending, WorkTaskId = existing?.WorkTaskId };
        }).ToList();
    }
}
