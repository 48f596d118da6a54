using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Review;

/// <summary>
/// What a re-planned phase output changed against the output it replaced, by the items a reviewer reads:
/// requirements and tasks by title, design components by name. An item whose title stays but whose content differs
/// is changed.
/// </summary>
public sealed record PlanChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public string Summary => $"{Added.Count} added, {Removed.Count} removed, {Changed.Count} changed";

    public static PlanChanges Between(RequirementsOutput before, RequirementsOutput after) => Between(
        before.Requirements,
        after.Requirements,
        r => r.Title,
        r => string.Join('\n', [r.Text, .. r.AcceptanceCriteria]));

    public static PlanChanges Between(DesignOutput before, DesignOutput after) => Between(
        before.Components,
        after.Components,
        c => c.Name,
        c => string.Join('\n', [c.FilePath, c.Responsibility, .. c.Interfaces]));

    public static PlanChanges Between(TasksOutput before, TasksOutput after) => Between(
        before.Tasks,
        after.Tasks,
        t => t.Title,
        t => string.Join('\n', [t.Description, .. t.FilesToCreate, .. t.FilesToModify, .. t.DependsOn]));

    private static PlanChanges Between<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> title, Func<T, string> content)
    {
        var old = ByTitle(before, title, content);
        var current = ByTitle(after, title, content);
        return new PlanChanges(
            current.Keys.Where(t => !old.ContainsKey(t)).ToList(),
            old.Keys.Where(t => !current.ContainsKey(t)).ToList(),
            current.Where(p => old.TryGetValue(p.Key, out var was) && was != p.Value).Select(p => p.Key).ToList());
    }

    // A title used twice keeps its first item: the lists are for a reader, not a merge.
    private static Dictionary<string, string> ByTitle<T>(IEnumerable<T> items, Func<T, string> title, Func<T, string> content)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(title(item), content(item));
        }

        return map;
    }
}
