using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>Guesses a statement's category and priority from its words.</summary>
public static partial class RequirementClassifier
{
    [GeneratedRegex(@"\b(?:within|under|below|less than|at most)\s+\d+(?:\.\d+)?\s*(?:ms|milliseconds?|s|seconds?|minutes?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    /// <summary>Word prefixes per category; an entry starting with '=' must match a whole word.</summary>
    private static readonly (RequirementCategory Category, string[] Prefixes)[] CategoryWords =
    [
        (RequirementCategory.Security, ["secur", "auth", "password", "secret", "token", "encrypt", "decrypt", "permission",
            "=role", "=roles", "=access", "inject", "sanitiz", "sanitis", "xss", "csrf", "credential", "login", "logout",
            "vulnerab", "privacy", "=pii", "=tls", "https", "certificat", "=hash", "=hashed", "=acl"]),
        (RequirementCategory.Performance, ["performan", "latenc", "throughput", "millisecond", "=ms",
            "fast", "quick", "speed", "scalab", "concurren", "=memory", "=cpu", "=load", "cach"]),
        (RequirementCategory.Reliability, ["retry", "retri", "crash", "recover", "timeout", "availab", "backup", "durab",
            "resilien", "fallback", "fault", "restart", "idempot", "failover", "unavailab", "outage", "=fail", "=fails"]),
        (RequirementCategory.Usability, ["usab", "accessib", "=help", "readme", "documen", "readab", "=ux", "=ui",
            "keyboard", "tooltip", "=hint", "tutorial"]),
        (RequirementCategory.Constraint, ["compatib", "=version", "licen", "platform", "offline", "dependenc", "deprecat",
            "=python", "=node", "=dotnet", "=java", "=linux", "=windows", "=macos"]),
    ];

    private static readonly string[] CriticalWords = ["critical", "never", "data loss", "must not", "security"];

    private static readonly string[] HighWords = ["must", "shall", "required", "mandatory", "always", "important"];

    private static readonly string[] LowWords = ["nice to have", "could", "might", "optional", "optionally", "later", "eventually", "if time"];

    /// <summary>A stated time bound ("within 200 ms") makes a performance requirement; otherwise the first category whose words the statement uses (in the order security, performance, reliability, usability, constraint); functional otherwise.</summary>
    public static RequirementCategory Categorize(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (Duration().IsMatch(statement))
        {
            return RequirementCategory.Performance;
        }

        var tokens = Words.Tokens(statement).ToHashSet(StringComparer.Ordinal);
        foreach (var (category, prefixes) in CategoryWords)
        {
            if (prefixes.Any(p => p[0] == '=' ? tokens.Contains(p[1..]) : tokens.Any(t => t.StartsWith(p, StringComparison.Ordinal))))
            {
                return category;
            }
        }

        return RequirementCategory.Functional;
    }

    public static Priority Prioritize(string statement, RequirementCategory category)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var lower = statement.ToLowerInvariant();
        if (CriticalWords.Any(w => lower.Contains(w, StringComparison.Ordinal)) && category == RequirementCategory.Security)
        {
            return Priority.Critical;
        }

        if (category == RequirementCategory.Security || HighWords.Any(w => ContainsWord(lower, w)))
        {
            return Priority.High;
        }

        return LowWords.Any(w => ContainsWord(lower, w)) || ContainsWord(lower, "may") ? Priority.Low : Priority.Medium;
    }

    /// <summary>The key code of a category: FUNC, PERF, SEC, USE, REL, CON.</summary>
    public static string Code(RequirementCategory category) => category switch
    {
        RequirementCategory.Performance => "PERF",
        RequirementCategory.Security => "SEC",
        RequirementCategory.Usability => "USE",
        RequirementCategory.Reliability => "REL",
        RequirementCategory.Constraint => "CON",
        _ => "FUNC",
    };

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
