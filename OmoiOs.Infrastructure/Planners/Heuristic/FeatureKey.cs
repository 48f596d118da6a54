using System.Text;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>The FEATURE part of requirement keys (<c>REQ-GREETING-FUNC-001</c>): upper-case letters and digits, at most 12.</summary>
public static class FeatureKey
{
    public const int MaxLength = 12;

    private const string Fallback = "FEATURE";

    public static string FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = Words.Tokens(title).Where(w => !Words.StopWords.Contains(w)).ToList();
        if (words.Any(w => !IsAdjective(w)))
        {
            words = words.Where(w => !IsAdjective(w)).ToList();
        }

        var key = new StringBuilder();
        foreach (var word in words)
        {
            if (key.Length > 0 && key.Length + word.Length > MaxLength)
            {
                break;
            }

            key.Append(word.ToUpperInvariant());
        }

        var value = key.Length > MaxLength ? key.ToString(0, MaxLength) : key.ToString();
        return value.Length == 0 ? Fallback : value;
    }

    /// <summary>Adjectives make poor keys ("CONFIGURABLE"); the nouns they qualify name the feature better.</summary>
    private static bool IsAdjective(string word) =>
        word.Length > 5 && (word.EndsWith("able", StringComparison.Ordinal) || word.EndsWith("ible", StringComparison.Ordinal)
            || word.EndsWith("ful", StringComparison.Ordinal) || word.EndsWith("ous", StringComparison.Ordinal) || word.EndsWith("ive", StringComparison.Ordinal));

    /// <summary>The words of the title that name the feature, for file and identifier names.</summary>
    public static IReadOnlyList<string> NameWords(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = Words.Tokens(title).Where(w => !Words.StopWords.Contains(w)).Take(3).ToList();
        return words.Count > 0 ? words : ["feature"];
    }
}
