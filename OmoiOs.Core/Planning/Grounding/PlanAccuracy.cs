using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Grounding;

/// <summary>
/// How well one plan (or a corpus of plans, summed) keeps the grounding rules: of the files its tasks modify, how many
/// exist; of its new files, how many follow the layout; of the files the spec names, how many a task changes; of its
/// requirement and task titles, how many are whole phrases. <see cref="Problems"/> names every miss, the design's too.
/// </summary>
public sealed record PlanAccuracy
{
    public static readonly PlanAccuracy Empty = new();

    public int ModifiedFiles { get; init; }

    public int ModifiedFilesExisting { get; init; }

    public int NewFiles { get; init; }

    public int NewFilesInLayout { get; init; }

    public int SpecNamedFiles { get; init; }

    public int SpecNamedFilesChanged { get; init; }

    public int Titles { get; init; }

    public int WholeTitles { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static PlanAccuracy Measure(ExploreOutput explore, string specText, RequirementsOutput requirements, DesignOutput design, TasksOutput tasks)
    {
        ArgumentNullException.ThrowIfNull(explore);
        ArgumentNullException.ThrowIfNull(specText);
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(tasks);
        var tree = new RepositoryTree(explore.Files);
        var named = SpecFileReferences.Find(specText, tree);
        var plan = PlanGrounding.CheckTasks(tasks, tree, named, requirements);
        var designReport = PlanGrounding.CheckDesign(design, tree, named);
        var cutRequirements = PlanGrounding.CutRequirementTitles(requirements);
        return new PlanAccuracy
        {
            ModifiedFiles = plan.ModifiedFiles,
            ModifiedFilesExisting = plan.ModifiedFiles - plan.MissingModifiedFiles.Count,
            NewFiles = plan.NewFiles,
            NewFilesInLayout = plan.NewFiles - plan.NewFilesOutsideLayout.Count,
            SpecNamedFiles = plan.SpecNamedFiles,
            SpecNamedFilesChanged = plan.SpecNamedFiles - plan.SpecNamedFilesIgnored.Count,
            Titles = requirements.Requirements.Count + plan.Titles,
            WholeTitles = requirements.Requirements.Count - cutRequirements.Count + plan.Titles - plan.CutTitles.Count,
            Problems = [.. plan.MissingModifiedFiles, .. plan.NewFilesOutsideLayout, .. plan.SpecNamedFilesIgnored, .. cutRequirements, .. plan.CutTitles,
                .. designReport.NewFilesOutsideLayout, .. designReport.SpecNamedFilesIgnored],
        };
    }

    /// <summary>Both plans' counts and problems together, for a corpus figure.</summary>
    public PlanAccuracy Add(PlanAccuracy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PlanAccuracy
        {
            ModifiedFiles = ModifiedFiles + other.ModifiedFiles,
            ModifiedFilesExisting = ModifiedFilesExisting + other.ModifiedFilesExisting,
            NewFiles = NewFiles + other.NewFiles,
            NewFilesInLayout = NewFilesInLayout + other.NewFilesInLayout,
            SpecNamedFiles = SpecNamedFiles + other.SpecNamedFiles,
            SpecNamedFilesChanged = SpecNamedFilesChanged + other.SpecNamedFilesChanged,
            Titles = Titles + other.Titles,
            WholeTitles = WholeTitles + other.WholeTitles,
            Problems = [.. Problems, .. other.Problems],
        };
    }
}
