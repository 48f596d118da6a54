using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// The grounding rules as hard checks. Those about paths need EXPLORE's file list (<see cref="ExploreOutput.Files"/>);
/// without it they are left out, like every check whose input is missing.
/// </summary>
internal static class GroundingChecks
{
    public const string FilesToModifyExist = "files_to_modify_exist";

    public const string NewFilesInLayout = "new_files_in_layout";

    public const string SpecNamedFilesChanged = "spec_named_files_changed";

    public const string TitlesWhole = "titles_whole";

    public static void AddRequirements(CheckList checks, RequirementsOutput output) =>
        checks.Add(TitlesWhole, hard: true, weight: 1, output.Requirements.Count, PlanGrounding.CutRequirementTitles(output), "every title is a whole phrase");

    public static void AddDesign(CheckList checks, DesignOutput output, PriorOutputs prior)
    {
        if (Repository(prior) is not var (tree, named))
        {
            return;
        }

        var report = PlanGrounding.CheckDesign(output, tree, named);
        checks.Add(NewFilesInLayout, hard: true, weight: 2, report.NewFiles, report.NewFilesOutsideLayout, "every new file follows the repository's layout");
        checks.Add(SpecNamedFilesChanged, hard: true, weight: 2, report.SpecNamedFiles, report.SpecNamedFilesIgnored, $"every file the spec names ({report.SpecNamedFiles}) is in the design");
    }

    public static void AddTasks(CheckList checks, TasksOutput output, PriorOutputs prior)
    {
        checks.Add(TitlesWhole, hard: true, weight: 1, output.Tasks.Count, PlanGrounding.CutTaskTitles(output, prior.Requirements), "every title is a whole phrase");
        if (Repository(prior) is not var (tree, named))
        {
            return;
        }

        var report = PlanGrounding.CheckTasks(output, tree, named, prior.Requirements);
        checks.Add(FilesToModifyExist, hard: true, weight: 2, report.ModifiedFiles, report.MissingModifiedFiles, "every file to modify exists");
        checks.Add(NewFilesInLayout, hard: true, weight: 2, report.NewFiles, report.NewFilesOutsideLayout, "every new file follows the repository's layout");
        checks.Add(SpecNamedFilesChanged, hard: true, weight: 2, report.SpecNamedFiles, report.SpecNamedFilesIgnored, $"every file the spec names ({report.SpecNamedFiles}) is changed by a task");
    }

    private static (RepositoryTree Tree, IReadOnlyList<string> Named)? Repository(PriorOutputs prior)
    {
        if (prior.Explore is not { Files.Count: > 0 } explore)
        {
            return null;
        }

        var tree = new RepositoryTree(explore.Files);
        return (tree, SpecFileReferences.Find(prior.SpecText, tree));
    }
}
