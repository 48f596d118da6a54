using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Grounding;

/// <summary>
/// The hard rules that keep a plan in its repository, checked against the file list EXPLORE gave: files to modify
/// exist (or an earlier task creates them), new files follow the layout (tests beside the existing tests, in their
/// naming), every existing file the spec names is changed, and titles are whole phrases. The evaluators fail a
/// phase on these; the planning-accuracy benchmark counts them.
/// </summary>
public static class PlanGrounding
{
    public static GroundingReport CheckTasks(TasksOutput tasks, RepositoryTree tree, IReadOnlyList<string> specNamedFiles, RequirementsOutput? requirements)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(specNamedFiles);
        var created = tasks.Tasks.SelectMany(t => t.FilesToCreate).ToHashSet(StringComparer.Ordinal);
        var modified = tasks.Tasks.SelectMany(t => t.FilesToModify.Select(f => (Task: t.Id, File: f))).ToList();
        var newFiles = tasks.Tasks.SelectMany(t => t.FilesToCreate.Where(f => !tree.Contains(f)).Select(f => (Task: t.Id, File: f))).ToList();
        var touched = tasks.Tasks.SelectMany(t => t.FilesToModify.Concat(t.FilesToCreate)).ToHashSet(StringComparer.Ordinal);
        return new GroundingReport
        {
            ModifiedFiles = modified.Count,
            MissingModifiedFiles = modified.Where(m => !tree.Contains(m.File) && !created.Contains(m.File))
                .Select(m => $"{m.Task} modifies {m.File}, which is not in the repository and no task creates it").ToList(),
            NewFiles = newFiles.Count,
            NewFilesOutsideLayout = newFiles.Select(n => LayoutProblem(tree, n.File, created) is { } problem ? $"{n.Task}: {problem}" : null).OfType<string>().ToList(),
            SpecNamedFiles = specNamedFiles.Count,
            SpecNamedFilesIgnored = specNamedFiles.Where(f => !touched.Contains(f))
                .Select(f => $"the spec names {f}, but no task changes it").ToList(),
            Titles = tasks.Tasks.Count,
            CutTitles = CutTaskTitles(tasks, requirements),
        };
    }

    /// <summary>DESIGN: components' new files follow the layout and every file the spec names is part of the design.</summary>
    public static GroundingReport CheckDesign(DesignOutput design, RepositoryTree tree, IReadOnlyList<string> specNamedFiles)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(specNamedFiles);
        var newFiles = design.Components.Where(c => c.FilePath.Length > 0 && !tree.Contains(c.FilePath)).ToList();
        var text = string.Join("\n", design.Components.Select(c => c.FilePath).Append(design.TestingStrategy).Append(design.ArchitectureOverview));
        return new GroundingReport
        {
            NewFiles = newFiles.Count,
            NewFilesOutsideLayout = newFiles.Select(c => LayoutProblem(tree, c.FilePath, newFiles.Select(n => n.FilePath)) is { } problem ? $"{c.Name}: {problem}" : null).OfType<string>().ToList(),
            SpecNamedFiles = specNamedFiles.Count,
            SpecNamedFilesIgnored = specNamedFiles.Where(f => !text.Contains(f, StringComparison.Ordinal))
                .Select(f => $"the spec names {f}, but no component or test plan of the design uses it").ToList(),
        };
    }

    /// <summary>Task titles: whole phrases, never an opening of an addressed requirement or of the description that stops mid-clause.</summary>
    public static IReadOnlyList<string> CutTaskTitles(TasksOutput tasks, RequirementsOutput? requirements)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var byId = requirements?.Requirements.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
        return tasks.Tasks
            .Select(t => Phrases.CutProblem(t.Title, t.RequirementsAddressed.Where(byId.ContainsKey)
                .SelectMany(id => new[] { byId[id].Title, byId[id].Action, byId[id].Text }).Append(t.Description)) is { } problem ? $"{t.Id}: {problem}" : null)
            .OfType<string>().ToList();
    }

    /// <summary>Requirement titles: whole phrases, never an opening of their sentence that stops mid-clause.</summary>
    public static IReadOnlyList<string> CutRequirementTitles(RequirementsOutput requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        return requirements.Requirements
            .Select(r => Phrases.CutProblem(r.Title, [r.Action, r.Text, AfterShall(r.Text)]) is { } problem ? $"{r.Id}: {problem}" : null)
            .OfType<string>().ToList();
    }

    private static string? LayoutProblem(RepositoryTree tree, string path, IEnumerable<string> plannedFiles) =>
        TestFiles.IsTest(path) ? tree.TestLayoutProblem(path, plannedFiles) : tree.SourceLayoutProblem(path);

    private static string AfterShall(string text)
    {
        var shall = text.IndexOf(" shall ", StringComparison.Ordinal);
        return shall < 0 ? "" : text[(shall + " shall ".Length)..];
    }
}
