using System.Collections.Frozen;

namespace OmoiOs.Core.Planning.Ears;

/// <summary>The words the EARS grammar and linter recognise. All comparisons ignore case.</summary>
public static class EarsVocabulary
{
    public const string Shall = "shall";

    public const string Then = "then";

    /// <summary>Modal verbs that make a requirement optional or ambiguous where EARS uses "shall".</summary>
    public static readonly FrozenSet<string> WeakModals = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "should", "must", "will", "may", "might", "could", "can", "would");

    /// <summary>Words that begin a noun phrase; used to find where the system name starts when no comma marks it.</summary>
    public static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "the", "a", "an", "each", "every");

    /// <summary>Words that continue a list or condition, so a comma before them does not end the condition.</summary>
    public static readonly FrozenSet<string> Conjunctions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "and", "or", "but", "nor");

    /// <summary>
    /// Prepositions, particles and auxiliaries: never a whole system name ("When the user logs in shall …" has none),
    /// and an article after one continues a noun phrase ("the scheduler of the cluster").
    /// </summary>
    public static readonly FrozenSet<string> FunctionWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "in", "out", "on", "off", "up", "down", "to", "of", "at", "by", "for", "with", "from", "into", "is", "are", "was", "were", "be", "been", "it", "then");

    /// <summary>
    /// Terms that cannot be verified as written. Hyphenated and spaced spellings are both listed because the
    /// tokenizer keeps <c>user-friendly</c> as one word.
    /// </summary>
    public static readonly IReadOnlyList<string> VagueTerms =
    [
        "fast", "faster", "quick", "quickly", "rapid", "rapidly", "slow", "promptly", "instantly", "timely",
        "robust", "user-friendly", "user friendly", "easy", "easily", "easy to use", "simple", "intuitive",
        "efficient", "efficiently", "flexible", "seamless", "seamlessly", "adequate", "adequately",
        "appropriate", "appropriately", "as appropriate", "reasonable", "reasonably", "sufficient", "sufficiently",
        "optimal", "optimally", "high-performance", "scalable", "state-of-the-art", "modern", "nice", "good",
        "normal", "normally", "several", "various", "many", "few", "etc", "and/or", "as needed", "as required",
        "if possible", "where possible", "as far as possible", "as soon as possible", "as much as possible",
        "if necessary", "when necessary", "and so on", "minimal", "minimize", "maximize",
    ];

    /// <summary>
    /// Whether a vague quantity word after <paramref name="previousWord"/> states an amount instead ("that many
    /// characters", "as many as 5", "how few"): then it is not vague.
    /// </summary>
    public static bool IsStatedQuantity(ReadOnlySpan<char> previousWord, ReadOnlySpan<char> term)
    {
        if (!term.Equals("many", StringComparison.OrdinalIgnoreCase) && !term.Equals("few", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var lead in (ReadOnlySpan<string>)["that", "this", "how", "as", "so", "too"])
        {
            if (previousWord.Equals(lead, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each vague term split into words, keyed by its first word, longest first.</summary>
    internal static readonly FrozenDictionary<string, string[][]> VagueTermsByFirstWord = VagueTerms
        .Select(term => term.Split(' '))
        .GroupBy(words => words[0], StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(words => words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

    public static EarsKeyword? Keyword(ReadOnlySpan<char> word) =>
        word.Equals("while", StringComparison.OrdinalIgnoreCase) ? EarsKeyword.While
        : word.Equals("where", StringComparison.OrdinalIgnoreCase) ? EarsKeyword.Where
        : word.Equals("when", StringComparison.OrdinalIgnoreCase) ? EarsKeyword.When
        : word.Equals("if", StringComparison.OrdinalIgnoreCase) ? EarsKeyword.If
        : null;
}
