using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>SYNC: validation passed, every requirement covered, every task mapped to a record, ready to execute.</summary>
public sealed class SyncEvaluator : IPhaseOutputEvaluator<SyncOutput>
{
    public PhaseEvaluation Evaluate(SyncOutput output, PriorOutputs prior)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(prior);
        var validation = output.Validation;
        var failedFlags = new List<string>();
        if (!validation.AllRequirementsCovered)
        {
            failedFlags.Add("not all requirements are covered");
        }

        if (!validation.NoCircularDependencies)
        {
            failedFlags.Add("the task graph has a cycle");
        }

        if (!validation.AllIdsValid)
        {
            failedFlags.Add("some ids are invalid");
        }

        var checks = new CheckList();
        checks.Add("validation_passed", hard: true, weight: 3, 3, failedFlags.Concat(validation.Issues).ToList(), "all validations passed");
        checks.Add("requirements_covered", hard: true, weight: 2, output.Coverage.Count,
            output.Coverage.Where(c => c.Level == CoverageLevel.NotCovered).Select(c => $"{c.RequirementId} is not covered").ToList(),
            "every requirement is covered");
        checks.Add("coverage_complete", hard: false, weight: 1, output.Coverage.Count,
            output.Coverage.Where(c => c.Level == CoverageLevel.PartiallyCovered).Select(c => $"{c.RequirementId} is only partially covered").ToList(),
            "every requirement is fully covered");
        checks.Add("ready_for_execution", hard: true, weight: 1, output.ReadyForExecution && output.Blockers.Count == 0,
            output.Blockers.Count > 0 ? CheckList.List(output.Blockers) : output.ReadyForExecution ? "ready" : "not ready, and no blocker says why");

        if (prior.Tasks is { } tasks)
        {
            checks.Add("tasks_mapped", hard: true, weight: 1, tasks.Tasks.Count,
                tasks.Tasks.Where(t => !output.TaskIdMap.ContainsKey(t.Id)).Select(t => $"{t.Id} has no spec task record").ToList(),
                "every task has a record");
            var grouped = output.Dependencies.ParallelGroups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
            checks.Add("parallel_groups_complete", hard: false, weight: 1, tasks.Tasks.Count,
                tasks.Tasks.Where(t => !grouped.Contains(t.Id)).Select(t => $"{t.Id} is in no parallel group").ToList(),
                "every task is in a parallel group");
        }

        return checks.Build(SpecPhase.Sync);
    }
}
