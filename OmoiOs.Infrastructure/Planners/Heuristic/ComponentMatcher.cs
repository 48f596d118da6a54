using System.Text.RegularExpressions;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Picks the existing file a requirement most likely changes: a file the requirement names outright, else the source
/// file that defines the code names it quotes (`Buffer::format` → the file defining <c>Buffer</c>), else the source file
/// whose name shares the requirement's words or suits its kind (a CLI flag → cli.py, an endpoint → routes).
/// </summary>
public static partial class ComponentMatcher
{
    /// <summary>A name defined in more files than this says nothing about where a requirement belongs (<c>new</c>, <c>format</c>).</summary>
    private const int MaxDefiners = 3;

    private const int MinScore = 2;

    private const int FileWordScore = 2;

    private const int KindScore = 3;

    /// <summary>File name words that say nothing about what a file does.</summary>
    private static readonly HashSet<string> GenericFileWords = new(StringComparer.Ordinal)
    {
        "index", "init", "main", "util", "utils", "helper", "helpers", "common", "core", "base", "mod", "lib", "src", "program",
    };

    /// <summary>Folders whose code exercises the product rather than being it: a feature's home is never there unless named.</summary>
    private static readonly HashSet<string> NotFeatureFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "fuzz", "benches", "bench", "benchmarks", "examples", "example",
    };

    /// <summary>Requirement words that point at a kind of file, and the file name words of that kind.</summary>
    private static readonly (string[] RequirementWords, string[] FileWords)[] Kinds =
    [
        (["cli", "flag", "option", "argument", "arguments", "command", "argv", "exit"], ["cli", "command", "commands", "cmd", "args", "arguments", "options"]),
        (["configuration", "configurable", "setting", "settings", "environment", "env", "variable"], ["config", "configuration", "settings", "options", "env", "defaults"]),
        (["endpoint", "endpoints", "api", "route", "routes", "http", "rest", "request", "response"], ["routes", "route", "api", "controller", "controllers", "handlers", "handler", "server", "app", "endpoints", "views"]),
        (["store", "stored", "save", "persist", "database", "table", "record", "records"], ["store", "storage", "repository", "repo", "db", "database", "models", "model", "dao"]),
    ];

    /// <summary>The best existing file for the requirement, or null when nothing scores at least <see cref="MinScore"/>.</summary>
    public static string? Match(PlannedRequirement requirement, RepositoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var candidates = profile.SourceFiles.Where(IsFeatureHome).ToHashSet(StringComparer.Ordinal);
        return Named(requirement, profile) ?? Defining(requirement, profile, candidates) ?? Best(requirement, profile, candidates, MinScore);
    }

    /// <summary>
    /// Of <paramref name="candidates"/>, the file defining most of the code names the requirement quotes in backticks,
    /// counting only names defined in at most <see cref="MaxDefiners"/> files; null when none is.
    /// </summary>
    public static string? Defining(PlannedRequirement requirement, RepositoryProfile profile, IReadOnlyCollection<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(candidates);
        var names = CodeSpan().Matches($"{requirement.Title} {requirement.Text}")
            .SelectMany(span => Identifier().Matches(span.Groups["code"].Value))
            .Select(name => name.Value)
            .Distinct(StringComparer.Ordinal);
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (profile.Definers.TryGetValue(name, out var files) && files.Count <= MaxDefiners)
            {
                foreach (var file in files.Where(candidates.Contains))
                {
                    hits[file] = hits.GetValueOrDefault(file) + 1;
                }
            }
        }

        string? best = null;
        foreach (var (file, count) in hits)
        {
            if (best is null || count > hits[best] || (count == hits[best] && Before(file, best, profile.PrimaryLanguage)))
            {
                best = file;
            }
        }

        return best;
    }

    /// <summary>Files in hidden folders (.github/, .devcontainer/) are tooling, and fuzz targets, benchmarks and examples exercise the product.</summary>
    private static bool IsFeatureHome(string file) =>
        !file.StartsWith('.') && !file.Contains("/.", StringComparison.Ordinal) && !file.Split('/')[..^1].Any(NotFeatureFolders.Contains);

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"[A-Za-z_$][A-Za-z0-9_$]*")]
    private static partial Regex Identifier();

    /// <summary>The file the requirement names outright (by path, unique file name or README), shortest path first.</summary>
    public static string? Named(PlannedRequirement requirement, RepositoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(profile);
        var named = SpecFileReferences.Find($"{requirement.Title} {requirement.Text}", profile.Tree);
        return named.Count > 0 ? named[0] : null;
    }

    /// <summary>Of <paramref name="candidates"/>, the file whose name suits the requirement best, when it scores at least <paramref name="minScore"/>.</summary>
    public static string? Best(PlannedRequirement requirement, RepositoryProfile profile, IEnumerable<string> candidates, int minScore)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(candidates);
        var text = $"{requirement.Title} {requirement.Text}";
        var tokens = Words.Tokens(text).ToHashSet(StringComparer.Ordinal);
        var stems = Words.KeyStems(text);
        var kinds = Kinds.Where(k => k.RequirementWords.Any(tokens.Contains)).SelectMany(k => k.FileWords).ToHashSet(StringComparer.Ordinal);
        string? best = null;
        var bestScore = 0;
        foreach (var file in candidates)
        {
            var score = Score(file, stems, kinds);
            if (score > bestScore || (score == bestScore && best is not null && Before(file, best, profile.PrimaryLanguage)))
            {
                best = file;
                bestScore = score;
            }
        }

        return bestScore >= minScore ? best : null;
    }

    /// <summary>Tie-break: the primary language's files first, then the shorter path, then ordinal order.</summary>
    private static bool Before(string file, string best, string? primaryLanguage)
    {
        var filePrimary = LanguageCatalog.Of(file)?.Name == primaryLanguage;
        var bestPrimary = LanguageCatalog.Of(best)?.Name == primaryLanguage;
        if (filePrimary != bestPrimary)
        {
            return filePrimary;
        }

        return file.Length < best.Length || (file.Length == best.Length && string.CompareOrdinal(file, best) < 0);
    }

    private static int Score(string file, IReadOnlySet<string> stems, HashSet<string> kinds)
    {
        var slash = file.LastIndexOf('/');
        var fileName = file[(slash + 1)..];
        var stem = fileName.Contains('.', StringComparison.Ordinal) ? fileName[..fileName.IndexOf('.', StringComparison.Ordinal)] : fileName;
        var fileWords = Words.Tokens(stem).Where(w => !GenericFileWords.Contains(w)).ToList();
        var score = fileWords.Select(Words.Stem).Distinct(StringComparer.Ordinal).Count(stems.Contains) * FileWordScore;
        if (score == 0 && !fileWords.Any(kinds.Contains))
        {
            return 0;
        }

        if (fileWords.Any(kinds.Contains))
        {
            score += KindScore;
        }

        IEnumerable<string> directoryWords = slash < 0 ? [] : Words.Tokens(file[..slash]).Select(Words.Stem).Distinct(StringComparer.Ordinal);
        return score + directoryWords.Count(stems.Contains);
    }
}
