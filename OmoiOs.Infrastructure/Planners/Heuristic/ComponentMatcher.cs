using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Picks the existing file a requirement most likely changes: a file the requirement names outright, else the
/// source file whose name shares the requirement's words or suits its kind (a CLI flag → cli.py, an endpoint → routes).
/// </summary>
public static class ComponentMatcher
{
    private const int MinScore = 2;

    private const int NamedFileScore = 100;

    private const int FileWordScore = 2;

    private const int KindScore = 3;

    /// <summary>File name words that say nothing about what a file does.</summary>
    private static readonly HashSet<string> GenericFileWords = new(StringComparer.Ordinal)
    {
        "index", "init", "main", "util", "utils", "helper", "helpers", "common", "core", "base", "mod", "lib", "src", "program",
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
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(profile);
        var text = $"{requirement.Title} {requirement.Text}";
        var named = profile.AllFiles.Where(f => Names(text, f)).OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();
        if (named is not null)
        {
            return named;
        }

        var tokens = Words.Tokens(text).ToHashSet(StringComparer.Ordinal);
        var stems = Words.KeyStems(text);
        var kinds = Kinds.Where(k => k.RequirementWords.Any(tokens.Contains)).SelectMany(k => k.FileWords).ToHashSet(StringComparer.Ordinal);
        string? best = null;
        var bestScore = 0;
        foreach (var file in profile.SourceFiles)
        {
            var score = Score(file, stems, kinds);
            if (score > bestScore || (score == bestScore && best is not null && Before(file, best, profile.PrimaryLanguage)))
            {
                best = file;
                bestScore = score;
            }
        }

        return bestScore >= MinScore ? best : null;
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

    /// <summary>Whether the text names the file: its path, or its file name when that is distinctive (has a dot or is a README).</summary>
    private static bool Names(string text, string path)
    {
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        if (path.Contains('/', StringComparison.Ordinal) && text.Contains(path, StringComparison.Ordinal))
        {
            return true;
        }

        if (!path.Contains('/', StringComparison.Ordinal) && fileName.StartsWith("README", StringComparison.OrdinalIgnoreCase))
        {
            return text.Contains("README", StringComparison.Ordinal);
        }

        return fileName.Contains('.', StringComparison.Ordinal) && fileName.Length > 4 && ContainsToken(text, fileName);
    }

    private static bool ContainsToken(string text, string token)
    {
        for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '/' or '.' or '_' or '-');
            var end = at + token.Length;
            var after = end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-');
            if (before && after)
            {
                return true;
            }
        }

        return false;
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
