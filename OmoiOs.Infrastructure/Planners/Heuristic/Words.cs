using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>Word-level helpers shared by the heuristic writers: tokens, stems and identifier casing.</summary>
internal static partial class Words
{
    private const int StemLength = 5;

    /// <summary>Words too common to say what a requirement or a file is about.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "not", "no", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
        "those", "there", "their", "them", "they", "we", "our", "you", "your", "he", "she", "his", "her", "i", "me", "my",
        "shall", "should", "must", "will", "may", "can", "could", "would", "might", "do", "does", "did", "has", "have",
        "had", "if", "when", "while", "where", "then", "than", "so", "such", "each", "every", "any", "all", "only",
        "also", "via", "per", "which", "who", "whom", "what", "how", "about", "after", "before", "over", "under",
        "between", "through", "without", "within", "same", "other", "own", "new", "add", "adds", "added", "support",
        "supports", "provide", "provides", "allow", "allows", "ensure", "ensures", "make", "makes", "use", "uses",
        "system", "feature", "user", "users", "let", "lets", "able", "given", "instead", "whose", "need", "needs",
        "one", "two", "more", "most", "less", "least", "both", "either", "neither", "up", "out", "down", "off",
    };

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex CamelBoundary();

    /// <summary>Lower-case words of a text, in order, camelCase and snake_case split apart.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        foreach (Match match in WordPattern().Matches(text))
        {
            foreach (var part in CamelBoundary().Split(match.Value))
            {
                if (part.Length > 0)
                {
                    yield return part.ToLowerInvariant();
                }
            }
        }
    }

    /// <summary>The distinct stems of a text's meaningful words (stop words and one-letter words left out).</summary>
    public static IReadOnlySet<string> KeyStems(string text) =>
        Tokens(text).Where(t => t.Length > 1 && !StopWords.Contains(t)).Select(Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A crude English stem (a common suffix removed, then at most five letters kept): enough to match
    /// "greetings" with "greeting" and "validation" with "validate", at the price of rare false friends.
    /// </summary>
    public static string Stem(string word)
    {
        var stem = word;
        foreach (var suffix in (ReadOnlySpan<string>)["ations", "ation", "able", "ings", "ing", "ies", "es", "ed", "s"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                stem = word[..^suffix.Length];
                break;
            }
        }

        return stem.Length > StemLength ? stem[..StemLength] : stem;
    }

    public static string ToSnakeCase(IEnumerable<string> words) => string.Join('_', words.Select(w => w.ToLowerInvariant()));

    public static string ToKebabCase(IEnumerable<string> words) => string.Join('-', words.Select(w => w.ToLowerInvariant()));

    public static string ToPascalCase(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words.Where(w => w.Length > 0))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word[1..].ToLowerInvariant());
        }

        return builder.ToString();
    }

    public static string ToCamelCase(IEnumerable<string> words)
    {
        var pascal = ToPascalCase(words);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    /// <summary>Upper-cases the first letter of a sentence.</summary>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// Lower-cases a clause's first letter when its first word is an ordinary capitalised word,
    /// leaving acronyms (<c>CLI</c>), code and names with inner capitals alone.
    /// </summary>
    public static string Decapitalize(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        var first = text[..end];
        var ordinary = first.Length > 0 && char.IsUpper(first[0]) && first.Skip(1).All(char.IsLower) && (first.Length > 1 || first == "A");
        return ordinary ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
