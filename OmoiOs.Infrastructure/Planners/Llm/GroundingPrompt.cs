using System.Text;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Grounding;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// The grounding a model needs to pass the evaluators' hard checks: the repository's files (from EXPLORE's scan), its
/// test folders and naming, the files the spec names, and the rules themselves, stated as the evaluators apply them.
/// </summary>
internal static class GroundingPrompt
{
    public const int MaxPaths = 1500;

    private const int MaxTestFolders = 12;

    public const string TitleRule =
        "Titles are whole phrases: never end a title on an article, preposition, conjunction or auxiliary (a, the, in, to, and, that, shall…), "
        + "never cut a sentence mid-word or mid-clause; shorten at a clause boundary (a comma, \"when\", \"that\", a preposition) or rephrase.";

    /// <summary>The section for a phase: the title rule for REQUIREMENTS; files, layout and path rules too for DESIGN and TASKS; nothing for the others.</summary>
    public static string? For(PhaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Phase is not (SpecPhase.Requirements or SpecPhase.Design or SpecPhase.Tasks))
        {
            return null;
        }

        var section = new StringBuilder().AppendLine("# Grounding rules (the evaluator rejects a plan that breaks one)").AppendLine($"- {TitleRule}");
        if (request.Phase == SpecPhase.Requirements || request.Explore is not { Files.Count: > 0 } explore)
        {
            return section.ToString();
        }

        var tree = new RepositoryTree(explore.Files);
        var named = SpecFileReferences.Find($"{request.Title}\n{request.Description}", tree);
        section.AppendLine("- Every file in files_to_modify (and every existing component file_path) is one of the repository's files listed below, or a file an earlier task creates.")
            .AppendLine("- A new source file goes in a folder that exists (or one new folder below one that does).")
            .AppendLine("- A new test goes in a folder that already holds tests of its language, named like them (see the test folders below); where tests sit beside the sources (x_test.go), beside its source.")
            .AppendLine(request.Phase == SpecPhase.Design
                ? "- Every file the spec names is a component's file_path, or (for a test file) named in testing_strategy."
                : "- Every file the spec names is in some task's files_to_modify.");
        if (named.Count > 0)
        {
            section.AppendLine().AppendLine("## Files the spec names (change these; do not invent new modules for their work)");
            foreach (var file in named)
            {
                section.AppendLine(file);
            }
        }

        section.AppendLine().AppendLine("## Test folders (folder: an existing test, showing the naming)");
        var folders = tree.Tests.GroupBy(RepositoryTree.DirectoryOf, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxTestFolders).ToList();
        if (folders.Count == 0)
        {
            section.AppendLine("(the repository has no tests yet: put new tests in a top-level tests/ or test/ folder)");
        }

        foreach (var folder in folders)
        {
            section.AppendLine($"{(folder.Key.Length == 0 ? "(root)" : folder.Key + "/")}: {RepositoryTree.NameOf(folder.First())}");
        }

        section.AppendLine().AppendLine($"## Repository files ({explore.Files.Count})");
        foreach (var file in explore.Files.Take(MaxPaths))
        {
            section.AppendLine(file);
        }

        if (explore.Files.Count > MaxPaths)
        {
            section.AppendLine($"(list stops at {MaxPaths} files; the evaluator checks against all {explore.Files.Count})");
        }

        return section.ToString();
    }
}
