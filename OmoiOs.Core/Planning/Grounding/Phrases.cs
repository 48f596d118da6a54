namespace OmoiOs.Core.Planning.Grounding;

/// <summary>
/// Whole-phrase titles: shortening a sentence only where a clause or phrase ends, and telling a title cut mid-word or
/// mid-clause ("…an entry in", "…a sub function to src/calc.py that subtracts" from "…that subtracts two numbers") from a whole one.
/// </summary>
public static class Phrases
{
    private const int MinWords = 3;

    /// <summary>Words a whole phrase cannot end with: articles, prepositions, conjunctions, auxiliaries, determiners.</summary>
    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "into", "on", "onto", "at", "by", "for", "with", "from",
        "as", "than", "that", "which", "who", "whose", "whom", "when", "whenever", "while", "where", "if", "unless", "because",
        "so", "is", "are", "was", "were", "be", "been", "shall", "should", "must", "will", "would", "can", "could", "may",
        "might", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those", "via", "per", "about", "over",
        "under", "between", "without", "within", "after", "before", "until", "once", "whether", "not", "no", "each", "every",
        "any", "all", "some", "during", "then",
    };

    /// <summary>
    /// Words that start a new clause: a title may stop before them. Not "that" or "whether": after a verb they open its
    /// object ("prints that it was skipped"), so stopping there leaves the verb without one.
    /// </summary>
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "so", "which", "who", "whose", "when", "whenever", "while", "where", "if", "unless",
        "because", "after", "before", "until", "once", "since", "then", "instead",
    };

    /// <summary>Words that start a phrase (prepositions): a title may stop before them, as a last resort.</summary>
    private static readonly HashSet<string> PhraseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "in", "into", "on", "onto", "at", "by", "for", "with", "from", "as", "of", "via", "per", "without", "within",
        "during", "than", "over", "under", "between", "through", "using",
    };

    private static readonly char[] ClauseEndPunctuation = [',', ';', ':', '.', ')', '!', '?'];

    /// <summary>
    /// The text itself when it has at most <paramref name="maxWords"/> words; else its longest opening of at least three
    /// words that ends where a clause ends (punctuation, then a clause word such as "when" or "that", then a preposition)
    /// and does not end on a dangling word. When no such opening exists, the whole text: never a cut phrase.
    /// </summary>
    public static string Shorten(string text, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= maxWords)
        {
            return string.Join(' ', words).TrimEnd(ClauseEndPunctuation);
        }

        foreach (var boundary in (Func<string[], int, bool>[])[EndsWithPunctuation, BeforeClause, BeforePhrase])
        {
            for (var count = Math.Min(maxWords, words.Length - 1); count >= MinWords; count--)
            {
                var opening = string.Join(' ', words[..count]).TrimEnd(ClauseEndPunctuation);
                if (boundary(words, count) && EndsWhole(opening))
                {
                    return opening;
                }
            }
        }

        return string.Join(' ', words).TrimEnd(ClauseEndPunctuation);
    }

    /// <summary>Whether a title ends as a phrase can: not on a dangling word, an ellipsis or a comma.</summary>
    public static bool EndsWhole(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.TrimEnd();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed[^1] is '…' or ',' or ';' or ':' or '-' or '(')
        {
            return false;
        }

        var last = trimmed.Split(' ')[^1].TrimEnd('.', '!', '?', ')', '"', '\'', '`');
        return !Dangling.Contains(last);
    }

    /// <summary>
    /// Why a title is cut, or null when it is whole: it ends on a dangling word or an ellipsis, or it (or its part after
    /// the last ": ") is an opening of one of <paramref name="sources"/> that stops mid-word or mid-clause.
    /// </summary>
    public static string? CutProblem(string title, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sources);
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var sourceWords = sources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Normalize).ToList();
        var titleWords = Normalize(title);
        if (!EndsWhole(title) && !sourceWords.Any(source => EndsAsSourceEnds(titleWords, source)))
        {
            return $"\"{title}\" ends mid-phrase";
        }

        var colon = title.LastIndexOf(": ", StringComparison.Ordinal);
        var parts = colon > 0 ? [title, title[(colon + 2)..]] : new[] { title };
        foreach (var source in sourceWords)
        {
            foreach (var part in parts)
            {
                var partWords = Normalize(part);
                if (partWords.Length >= 2 && partWords.Length <= source.Length && StopsMidClause(partWords, source))
                {
                    return $"\"{title}\" stops mid-clause of \"{Ellipsis(string.Join(' ', source))}\"";
                }
            }
        }

        return null;
    }

    private static bool StopsMidClause(string[] title, string[] source)
    {
        var last = title.Length - 1;
        for (var i = 0; i < last; i++)
        {
            if (!string.Equals(Bare(title[i]), Bare(source[i]), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var titleLast = Bare(title[last]);
        var sourceLast = Bare(source[last]);
        if (!sourceLast.StartsWith(titleLast, StringComparison.OrdinalIgnoreCase) || titleLast.Length == 0)
        {
            return false;
        }

        if (sourceLast.Length > titleLast.Length)
        {
            return true;
        }

        if (title.Length == source.Length)
        {
            return false;
        }

        return !EndsWithPunctuation(source, title.Length) && !BeforeClause(source, title.Length) && !BeforePhrase(source, title.Length);
    }

    /// <summary>
    /// A title that ends as its source sentence does is whole even on a word that usually needs more after it: "as
    /// before", "more than once" end their sentence as adverbs. Its last words (up to three) must be the source's last.
    /// </summary>
    private static bool EndsAsSourceEnds(string[] title, string[] source)
    {
        var compared = Math.Min(3, title.Length);
        return compared > 0 && source.Length >= compared
            && title[^compared..].Zip(source[^compared..]).All(w => string.Equals(Bare(w.First), Bare(w.Second), StringComparison.OrdinalIgnoreCase));
    }

    private static bool EndsWithPunctuation(string[] words, int count) => words[count - 1].TrimEnd('"', '\'', '`').EndsWith(ClauseEndPunctuation);

    private static bool BeforeClause(string[] words, int count) => count < words.Length && ClauseStarts.Contains(Bare(words[count]));

    private static bool BeforePhrase(string[] words, int count) => count < words.Length && PhraseStarts.Contains(Bare(words[count]));

    private static string[] Normalize(string text) => text.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static string Bare(string word) => word.Trim(',', ';', ':', '.', '!', '?', '(', ')', '"', '\'', '`');

    private static string Ellipsis(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
