using System.Globalization;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// TASKS: well-formed unique keys, dependencies that exist and form no cycle, every requirement covered by a task,
/// whole-phrase titles and a plan grounded in the repository (<see cref="GroundingChecks"/>); estimates of 1–4 hours
/// and declared files earn score.
/// </summary>
public sealed class TasksEvaluator : IPhaseOutputEvaluator<TasksOutput>
{
    public const double MinimumHours = 1;

    public const double MaximumHours = 4;

    public PhaseEvaluation Evaluate(TasksOutput output, PriorOutputs prior)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(prior);
        var tasks = output.Tasks;
        var count = tasks.Count;
        var checks = new CheckList();
        checks.Add("has_tasks", hard: true, weight: 1, count > 0, count > 0 ? $"{count} tasks" : "no tasks");
        checks.Add("ids_well_formed", hard: true, weight: 2, count,
            tasks.Where(t => !PlanningKeys.IsTaskKey(t.Id)).Select(t => $"\"{t.Id}\" does not match {PlanningKeys.TaskKeyFormat}").ToList(),
            "every id is well formed");
        checks.Add("ids_unique", hard: true, weight: 2, count, CheckList.Duplicates(tasks.Select(t => t.Id)), "every id is unique");

        var graph = TaskGraph.Build(tasks.Select(t => new TaskNode(t.Id, t.DependsOn, t.EstimatedHours)));
        checks.Add("dependencies_exist", hard: true, weight: 2, count,
            graph.DanglingDependencies.Select(d => $"{d.TaskId} depends on unknown {d.MissingId}").ToList(),
            "every dependency names a task");
        checks.Add("no_dependency_cycles", hard: true, weight: 3, !graph.HasCycle,
            graph.HasCycle ? string.Join(" → ", graph.Cycle) : "the graph is acyclic");

        if (prior.Requirements is { } requirements)
        {
            AddCoverage(checks, tasks, requirements);
        }

        checks.Add("estimates_in_range", hard: false, weight: 1, count,
            tasks.Where(t => t.EstimatedHours is < MinimumHours or > MaximumHours or double.NaN)
                .Select(t => $"{t.Id} is estimated at {t.EstimatedHours.ToString(CultureInfo.InvariantCulture)} h (expected {MinimumHours}–{MaximumHours} h; split larger tasks)")
                .ToList(),
            $"every estimate is {MinimumHours}–{MaximumHours} h");
        checks.Add("files_declared", hard: false, weight: 1, count,
            tasks.Where(t => t.Type is SpecTaskType.Implementation or SpecTaskType.Refactor or SpecTaskType.Test
                    && t.FilesToCreate.Count == 0 && t.FilesToModify.Count == 0)
                .Select(t => $"{t.Id} names no file to create or modify").ToList(),
            "every code task names its files");
        checks.Add("titles_present", hard: false, weight: 0.5, count,
            tasks.Where(t => string.IsNullOrWhiteSpace(t.Title)).Select(t => $"{t.Id} has no title").ToList(), "every task has a title");
        GroundingChecks.AddTasks(checks, output, prior);
        if (output.CriticalPath.Count > 0)
        {
            checks.Add("critical_path_valid", hard: false, weight: 0.5, output.CriticalPath.Count,
                CriticalPathProblems(output.CriticalPath, graph), "a chain of dependent tasks");
        }

        return checks.Build(SpecPhase.Tasks);
    }

    private static void AddCoverage(CheckList checks, IReadOnlyList<PlannedTask> tasks, RequirementsOutput requirements)
    {
        var addressed = tasks.SelectMany(t => t.RequirementsAddressed).ToHashSet(StringComparer.Ordinal);
        var known = requirements.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        checks.Add("requirements_covered", hard: true, weight: 3, known.Count,
            requirements.Requirements.Where(r => !addressed.Contains(r.Id)).Select(r => $"{r.Id} is addressed by no task").ToList(),
            "every requirement is addressed by a task");
        checks.Add("requirement_references_valid", hard: true, weight: 1, tasks.Count,
            tasks.SelectMany(t => t.RequirementsAddressed.Where(r => !known.Contains(r)).Select(r => $"{t.Id} addresses unknown {r}")).ToList(),
            "every addressed requirement exists");
    }

    /// <summary>The planner's critical path must name tasks, each depending on the one before it.</summary>
    private static List<string> CriticalPathProblems(IReadOnlyList<string> path, TaskGraph graph)
    {
        var problems = new List<string>();
        for (var i = 0; i < path.Count; i++)
        {
            if (!graph.Contains(path[i]))
            {
                problems.Add($"{path[i]} is not a task");
            }
            else if (i > 0 && graph.Contains(path[i - 1]) && !graph.DependenciesOf(path[i]).Contains(path[i - 1], StringComparer.Ordinal))
            {
                problems.Add($"{path[i]} does not depend on {path[i - 1]}");
            }
        }

        return problems;
    }
}
