using OmoiOs.Core.Planning.Grounding;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>Where new files go in a repository, following its own conventions: new modules beside its sources, tests where its tests are.</summary>
public static class RepositoryLayout
{
    /// <summary>The convention a repository with no code gets: Python's, the most common default for small tools.</summary>
    private static readonly LanguageConvention Fallback = new()
    {
        Language = "Python",
        Extension = ".py",
        SourceRoot = "src",
        Naming = NamingStyle.SnakeCase,
        TestRoot = "tests",
        TestNaming = TestNaming.PrefixTestUnderscore,
    };

    /// <summary>The convention of the path's language; the primary language's when the path's has none (a shell script is tested from Python).</summary>
    public static LanguageConvention ConventionFor(RepositoryProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(path);
        var language = LanguageCatalog.Of(path)?.Name;
        return profile.Conventions.FirstOrDefault(c => c.Language == language && (c.TestFileCount > 0 || c.Language == profile.PrimaryLanguage))
            ?? PrimaryConvention(profile);
    }

    public static LanguageConvention PrimaryConvention(RepositoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Conventions.FirstOrDefault(c => c.Language == profile.PrimaryLanguage) ?? Fallback;
    }

    /// <summary>A file name stem from words in a naming style: greeting_config, greeting-config, GreetingConfig.</summary>
    public static string FileStem(IEnumerable<string> words, NamingStyle style) => style switch
    {
        NamingStyle.KebabCase => Words.ToKebabCase(words),
        NamingStyle.PascalCase => Words.ToPascalCase(words),
        NamingStyle.CamelCase => Words.ToCamelCase(words),
        _ => Words.ToSnakeCase(words),
    };

    /// <summary>The path of a new module named by <paramref name="nameWords"/>, in the primary language's source root and naming.</summary>
    public static string NewSourcePath(RepositoryProfile profile, IReadOnlyList<string> nameWords)
    {
        var convention = PrimaryConvention(profile);
        return Join(convention.SourceRoot, FileStem(nameWords, convention.Naming) + convention.Extension);
    }

    /// <summary>
    /// The test file that belongs to a source file, grounded in the repository's own tests: an existing test of the
    /// expected name (test_timed.py for timed.py), else a suite's catch-all file (test.js, tests/test.rs), else a new
    /// file named by the tests' naming in the folder the layout gives, or, when that folder does not fit the
    /// layout, in the existing test folder that shares most words with the source's folder (the shallowest on a tie).
    /// </summary>
    public static string TestPathFor(RepositoryProfile profile, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sourcePath);
        if (DeclarationFiles.TypeTestOf(sourcePath, profile.AllFiles) is { } typeTest)
        {
            return typeTest;
        }

        var conventional = ConventionalTestPath(profile, sourcePath);
        var tree = profile.Tree;
        var name = RepositoryTree.NameOf(conventional);
        var directory = RepositoryTree.DirectoryOf(conventional);
        var extension = RepositoryTree.ExtensionOf(conventional);
        var existing = tree.WithName(name).Where(TestFiles.IsTest).OrderByDescending(t => SharedWords(RepositoryTree.DirectoryOf(t), directory)).ThenBy(t => t, StringComparer.Ordinal).FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        var peers = tree.Tests.Where(t => RepositoryTree.ExtensionOf(t) == extension).ToList();
        var catchAll = peers.Where(t => TestFiles.IsCatchAll(RepositoryTree.NameOf(t))).OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).FirstOrDefault();
        if (catchAll is not null)
        {
            return catchAll;
        }

        if (tree.TestLayoutProblem(conventional, [sourcePath]) is null || peers.Count == 0)
        {
            return conventional;
        }

        var sourceDirectory = RepositoryTree.DirectoryOf(sourcePath);
        var home = peers.Select(RepositoryTree.DirectoryOf).GroupBy(d => d, StringComparer.Ordinal)
            .OrderByDescending(g => SharedWords(g.Key, sourceDirectory)).ThenBy(g => g.Key.Count(c => c == '/')).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        return Join(home, name);
    }

    private static int SharedWords(string first, string second)
    {
        var words = Words.Tokens(second).ToHashSet(StringComparer.Ordinal);
        return Words.Tokens(first).Distinct(StringComparer.Ordinal).Count(words.Contains);
    }

    /// <summary>The test path the conventions alone give: the test root (mirroring the source folders when the tests do), named by the tests' naming.</summary>
    private static string ConventionalTestPath(RepositoryProfile profile, string sourcePath)
    {
        var convention = ConventionFor(profile, sourcePath);
        var fileName = sourcePath[(sourcePath.LastIndexOf('/') + 1)..];
        var sourceDirectory = sourcePath.Contains('/', StringComparison.Ordinal) ? sourcePath[..sourcePath.LastIndexOf('/')] : "";
        var sameLanguage = LanguageCatalog.Of(sourcePath)?.Name == convention.Language;
        var stem = fileName.Contains('.', StringComparison.Ordinal) ? fileName[..fileName.IndexOf('.', StringComparison.Ordinal)] : fileName;
        var words = Words.Tokens(stem).ToList();
        if (!sameLanguage || stem.Length == 0)
        {
            stem = FileStem(words.Count > 0 ? words : ["module"], convention.Naming);
        }

        var testName = convention.TestNaming switch
        {
            TestNaming.PrefixTestUnderscore => $"test_{Words.ToSnakeCase(words.Count > 0 ? words : ["module"])}",
            TestNaming.SuffixUnderscoreTest => $"{stem}_test",
            TestNaming.SuffixUnderscoreSpec => $"{stem}_spec",
            TestNaming.SuffixDotTest => $"{stem}.test",
            TestNaming.SuffixDotSpec => $"{stem}.spec",
            TestNaming.SuffixTest => $"{Words.ToPascalCase(words)}Test",
            TestNaming.Plain => stem,
            _ => $"{Words.ToPascalCase(words)}Tests",
        } + convention.Extension;

        return Join(TestDirectory(profile, convention, sourceDirectory, sameLanguage), testName);
    }

    private static string TestDirectory(RepositoryProfile profile, LanguageConvention convention, string sourceDirectory, bool sameLanguage)
    {
        if (convention.TestRoot is null)
        {
            var colocated = convention.TestFileCount > 0 || convention.Language is "Go";
            return colocated && sameLanguage ? sourceDirectory : convention.Language is "JavaScript" or "TypeScript" ? "test" : "tests";
        }

        if (!convention.TestsMirrorSources || !sameLanguage || sourceDirectory.Length == 0)
        {
            return convention.TestRoot;
        }

        var segments = sourceDirectory.Split('/');
        var first = segments[0];
        var projectSuffix = first.Contains('.', StringComparison.Ordinal) ? first[(first.LastIndexOf('.') + 1)..] : null;
        var mirrored = projectSuffix is not null && profile.TestFiles.Any(t => t.StartsWith(Join(convention.TestRoot, projectSuffix) + "/", StringComparison.Ordinal))
            ? [projectSuffix, .. segments[1..]]
            : segments[1..];
        return Join(convention.TestRoot, string.Join('/', mirrored));
    }

    private static string Join(string directory, string name) =>
        directory.Length == 0 ? name : name.Length == 0 ? directory : $"{directory}/{name}";
}
