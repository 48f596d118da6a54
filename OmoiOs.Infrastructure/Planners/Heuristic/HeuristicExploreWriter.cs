using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Execution.Checks;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>EXPLORE from a repository scan and the spec text: what the codebase is, how it is built and tested, and what the feature is about.</summary>
public static class HeuristicExploreWriter
{
    private const int MaxScopeItems = 6;

    public static ExploreOutput Write(RepositorySnapshot snapshot, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var profile = RepositoryProfiler.Profile(snapshot);
        var statements = SpecStatementSplitter.Split(description);
        return new ExploreOutput
        {
            CodebaseSummary = Summary(profile, snapshot),
            ProjectType = profile.ProjectType,
            TechStack = profile.Languages.Where(l => profile.Conventions.Any(c => c.Language == l.Name)).Select(l => l.Name)
                .Concat(profile.BuildSystems).Concat(profile.Frameworks).Distinct(StringComparer.Ordinal).ToList(),
            Languages = profile.Languages,
            BuildSystems = profile.BuildSystems,
            TestCommand = profile.TestCommand,
            Structure = profile.Structure,
            KeyFiles = profile.KeyFiles,
            Conventions = Conventions(profile),
            TestLayout = TestLayout(profile),
            Git = snapshot.Git,
            Scan = snapshot.Stats,
            Files = snapshot.Files.Select(f => f.Path).ToList(),
            DiscoveryQuestions = DiscoveryQuestions(profile, snapshot, title, statements),
            FeatureSummary = new FeatureSummary
            {
                Name = title.Trim(),
                ScopeIn = statements.Requirements.Take(MaxScopeItems).DefaultIfEmpty(title.Trim()).ToList(),
                ScopeOut = statements.OutOfScope.Count > 0 ? statements.OutOfScope : ["Anything the description does not ask for."],
                ProblemStatement = statements.Requirements.Count > 0 ? statements.Requirements[0] : title.Trim(),
            },
        };
    }

    private static string Summary(RepositoryProfile profile, RepositorySnapshot snapshot)
    {
        var totalLines = profile.Languages.Sum(l => l.Lines);
        var languages = profile.Languages.Take(4).Select(l => Words.Invariant($"{l.Name} ({Count(l.Files, "file")}, {Count(l.Lines, "line")})"));
        var summary = Words.Invariant($"{profile.Name} is a {profile.ProjectType} of {Count(snapshot.Stats.FilesScanned, "file")} and {Count(totalLines, "line")}: {string.Join(", ", languages)}.");
        if (profile.BuildSystems.Count > 0)
        {
            summary += $" Built with {string.Join(", ", profile.BuildSystems)}.";
        }

        summary += profile.TestCommand is null ? " No test command was detected." : $" Tests run with {CheckCatalog.Describe(profile.TestCommand)}.";
        if (snapshot.Stats.Truncated)
        {
            summary += " The scan stopped at its bound, so the figures cover part of the repository.";
        }

        return summary;
    }

    private static Conventions Conventions(RepositoryProfile profile)
    {
        var naming = profile.Conventions.Select(c => $"{c.Language}: {Style(c.Naming)} file names" + (c.SourceRoot.Length > 0 ? $", sources mostly in {c.SourceRoot}/" : ""));
        var testing = profile.Conventions.Where(c => c.TestFileCount > 0).Select(c => $"{c.Language}: {Example(profile, c)}");
        var patterns = new List<string>();
        if (profile.Commands.Count > 0)
        {
            patterns.Add($"Entry commands: {string.Join(", ", profile.Commands.Take(8))}.");
        }

        if (profile.Conventions.Any(c => c.TestRoot is not null && c.TestFileCount > 0))
        {
            patterns.Add("Tests live in their own folders, apart from the sources.");
        }

        if (profile.Conventions.Any(c => c.TestsMirrorSources))
        {
            patterns.Add("Test folders mirror the source folders.");
        }

        patterns.AddRange(profile.KeyFiles.Where(k => k.Purpose.Contains("entry point", StringComparison.Ordinal)).Take(4).Select(k => $"Entry point: {k.Path}."));
        return new Conventions
        {
            Naming = string.Join("; ", naming),
            Testing = (profile.TestFiles.Count == 0 ? "No tests were found" : string.Join("; ", testing))
                + (profile.TestCommand is null ? "." : $"; run with `{profile.TestCommand}`."),
            Patterns = patterns,
        };
    }

    private static List<string> TestLayout(RepositoryProfile profile) =>
        profile.Conventions.Where(c => c.TestFileCount > 0)
            .Select(c => $"{(c.TestRoot is null ? "next to the sources" : c.TestRoot + "/")}: {Count(c.TestFileCount, c.Language + " test file")} named like {Example(profile, c)}")
            .ToList();

    private static string Example(RepositoryProfile profile, LanguageConvention convention)
    {
        var source = profile.SourceFiles.Where(s => LanguageCatalog.Of(s)?.Name == convention.Language)
            .OrderBy(s => s[(s.LastIndexOf('/') + 1)..].StartsWith('_') ? 1 : 0).FirstOrDefault();
        return source is null ? Pattern(convention) : $"{RepositoryLayout.TestPathFor(profile, source)} for {source}";
    }

    private static string Pattern(LanguageConvention convention)
    {
        var extension = convention.Extension;
        return convention.TestNaming switch
        {
            TestNaming.PrefixTestUnderscore => $"test_<name>{extension}",
            TestNaming.SuffixUnderscoreTest => $"<name>_test{extension}",
            TestNaming.SuffixUnderscoreSpec => $"<name>_spec{extension}",
            TestNaming.SuffixDotTest => $"<name>.test{extension}",
            TestNaming.SuffixDotSpec => $"<name>.spec{extension}",
            TestNaming.SuffixTest => $"<Name>Test{extension}",
            TestNaming.Plain => $"<name>{extension} in a test folder",
            _ => $"<Name>Tests{extension}",
        };
    }

    private static string Count(long count, string noun) => Words.Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Style(NamingStyle style) => style switch
    {
        NamingStyle.KebabCase => "kebab-case",
        NamingStyle.PascalCase => "PascalCase",
        NamingStyle.CamelCase => "camelCase",
        _ => "snake_case",
    };

    private static List<string> DiscoveryQuestions(RepositoryProfile profile, RepositorySnapshot snapshot, string title, SpecStatements statements)
    {
        var questions = new List<string>();
        var newPath = RepositoryLayout.NewSourcePath(profile, FeatureKey.NameWords(title));
        questions.Add(profile.SourceFiles.Count == 0
            ? $"The repository has no code yet; is {newPath} the right place to start '{title.Trim()}'?"
            : $"Should '{title.Trim()}' extend the existing modules it names, or live in a new module such as {newPath}?");
        questions.Add(profile.TestCommand is null
            ? "How are the tests run? No test command was detected."
            : $"Does `{profile.TestCommand}` run every suite the change touches?");
        if (snapshot.Git.Dirty)
        {
            questions.Add("The working tree has uncommitted changes; should they be committed before the work starts?");
        }

        questions.AddRange(statements.Questions.Take(3));
        return questions;
    }
}
