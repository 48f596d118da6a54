using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Ears;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Export;

/// <summary>
/// The numbering both layouts share: requirements 1..n in key order with criteria N.M in ordinal order, and tasks
/// numbered by their TSK keys, listed in dependency order, grouped by depth, each marked parallel-safe or not.
/// </summary>
internal sealed class SpecExportModel
{
    private readonly Dictionary<string, int> _requirementNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _taskNumbers = new(StringComparer.Ordinal);

    public SpecExportModel(SpecExportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Spec = source.Spec;
        Design = source.Design;
        Slug = Markdown.Slug(source.Spec.Title, source.Spec.Id);
        var criteria = source.Criteria.ToLookup(c => c.RequirementId, StringComparer.Ordinal);
        Requirements = source.Requirements
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select((r, i) => new NumberedRequirement(i + 1, r, criteria[r.Id].OrderBy(c => c.Ordinal).ToList()))
            .ToList();
        foreach (var requirement in Requirements)
        {
            _requirementNumbers[requirement.Requirement.Id] = requirement.Number;
            _requirementNumbers.TryAdd(requirement.Requirement.Key, requirement.Number);
        }

        TaskGroups = PlanTasks(source.Tasks);
        NumberTasks();
    }

    public Spec Spec { get; }

    public DesignOutput? Design { get; }

    /// <summary>The feature's folder name.</summary>
    public string Slug { get; }

    public IReadOnlyList<NumberedRequirement> Requirements { get; }

    /// <summary>Tasks by depth in the dependency graph.</summary>
    public IReadOnlyList<IReadOnlyList<ExportTask>> TaskGroups { get; }

    public IEnumerable<ExportTask> Tasks => TaskGroups.SelectMany(g => g);

    /// <summary>The requirement's number, by record id or planner key.</summary>
    public int? RequirementNumber(string idOrKey) => _requirementNumbers.TryGetValue(idOrKey, out var n) ? n : null;

    public int? TaskNumber(string taskId) => _taskNumbers.TryGetValue(taskId, out var n) ? n : null;

    /// <summary>"As a user, I want the system to &lt;response&gt;." from the EARS sentence; no role or benefit is invented.</summary>
    public static string UserStory(SpecRequirement requirement)
    {
        var parsed = EarsParser.Parse(requirement.Text);
        var action = Markdown.Inline(string.IsNullOrWhiteSpace(requirement.Action) ? parsed.Response?.Text : requirement.Action).TrimEnd('.');
        if (action.Length == 0)
        {
            return $"As a user, I want {Markdown.Inline(requirement.Title)}.";
        }

        var system = parsed.System?.Text ?? "the system";
        system = !system.Any(char.IsLower) ? system.ToLowerInvariant()
            : system.StartsWith("The ", StringComparison.Ordinal) ? "t" + system[1..]
            : system;
        return $"As a user, I want {system} to {action}.";
    }

    /// <summary>
    /// A task's number is its key's (<c>TSK-007</c> is 7), so the exported plan matches the task records and branches;
    /// a key without a number of its own (malformed, or one another key already took) gets the next free one.
    /// </summary>
    private void NumberTasks()
    {
        var keyed = Tasks
            .Select(t => (t.Task.Id, Number: PlanningKeys.TryGetTaskNumber(t.Task.Key, out var n) ? n : (int?)null))
            .Where(t => t.Number is not null)
            .DistinctBy(t => t.Number)
            .ToDictionary(t => t.Id, t => t.Number!.Value, StringComparer.Ordinal);
        var next = keyed.Count == 0 ? 0 : keyed.Values.Max();
        foreach (var (task, _) in Tasks)
        {
            _taskNumbers[task.Id] = keyed.TryGetValue(task.Id, out var number) ? number : ++next;
        }
    }

    private static List<IReadOnlyList<ExportTask>> PlanTasks(IReadOnlyList<SpecTask> tasks)
    {
        var byKey = tasks.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var graph = TaskGraph.Build(byKey.Select(t => new TaskNode(t.Id, t.DependsOn, t.EstimatedHours)));
        if (graph.HasCycle)
        {
            // Only SYNC-validated graphs are stored; should one have a cycle, list it flat and claim no parallelism.
            return [byKey.Select(t => new ExportTask(t, Parallel: false)).ToList()];
        }

        var byId = byKey.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return graph.ParallelGroups.Select(group => (IReadOnlyList<ExportTask>)MarkParallel(group.Select(id => byId[id]).ToList())).ToList();
    }

    /// <summary>A task is parallel-safe when another task of its group shares none of its files.</summary>
    private static ExportTask[] MarkParallel(List<SpecTask> group)
    {
        var files = group.Select(t => t.FilesToCreate.Concat(t.FilesToModify).Distinct(StringComparer.Ordinal).ToList()).ToList();
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < group.Count; i++)
        {
            foreach (var file in files[i])
            {
                if (!owners.TryGetValue(file, out var list))
                {
                    owners[file] = list = [];
                }

                list.Add(i);
            }
        }

        var result = new ExportTask[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var others = group.Count - 1;
            var sharing = new HashSet<int>();
            foreach (var file in files[i])
            {
                foreach (var other in owners[file])
                {
                    if (other != i)
                    {
                        sharing.Add(other);
                    }
                }

                if (sharing.Count == others)
                {
                    break;
                }
            }

            result[i] = new ExportTask(group[i], Parallel: others > 0 && sharing.Count < others);
        }

        return result;
    }
}

internal sealed record NumberedRequirement(int Number, SpecRequirement Requirement, IReadOnlyList<SpecAcceptanceCriterion> Criteria);

internal sealed record ExportTask(SpecTask Task, bool Parallel);
