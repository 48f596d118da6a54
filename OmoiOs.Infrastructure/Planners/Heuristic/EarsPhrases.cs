using System.Text.RegularExpressions;
using OmoiOs.Core.Planning.Ears;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Rewrites clause text so it passes an EARS lint: vague words are dropped or replaced by a concrete bound,
/// modal verbs (should, may, will, must, can, shall…) are removed with the verb after them conjugated.
/// Every replacement is noted so the requirements can list it as an assumption.
/// </summary>
internal static partial class EarsPhrases
{
    /// <summary>The bound a vague "quickly" becomes; stated in the assumptions so a reviewer can change it.</summary>
    public const string TimeBound = "within 1 second";

    /// <summary>Vague phrases that carry no testable meaning; dropped. Longest first so phrases win over their words.</summary>
    private static readonly string[] DroppedPhrases =
    [
        "to the extent possible", "as far as possible", "state-of-the-art", "state of the art", "as appropriate",
        "as needed", "as necessary", "as required", "if possible", "where possible", "when possible", "if needed",
        "if necessary", "if appropriate", "and so on", "easy-to-use", "easy to use", "user-friendly", "user friendly",
        "high-quality", "high quality", "a couple of", "a number of", "a few", "a lot of", "lots of", "etc",
        "appropriately", "appropriate", "adequately", "adequate", "sufficiently", "sufficient", "reasonably", "reasonable",
        "intuitively", "intuitive", "seamlessly", "seamless", "efficiently", "efficient", "robustly", "robust",
        "flexibly", "flexible", "gracefully", "graceful", "properly", "easily", "easy", "simply", "simple", "nicely",
        "nice", "optimally", "optimal", "smoothly", "smooth", "clearly", "clear", "cleanly", "friendly", "modern",
        "powerful", "scalable", "performant", "responsive", "significantly", "significant", "normally", "usually",
        "typically", "generally", "often", "sometimes", "mostly", "almost", "nearly", "approximately", "roughly",
        "various", "several", "numerous", "many", "some", "relevant", "meaningful", "helpful", "useful", "good",
        "better", "best", "minimal", "securely", "reliably", "correctly", "accurately", "timely",
    ];

    /// <summary>Vague speed words; as an adverb they become <see cref="TimeBound"/>, before a noun they are dropped.</summary>
    private static readonly string[] SpeedWords =
    [
        "as soon as possible", "as fast as possible", "in a timely manner", "quickly", "promptly", "rapidly", "instantly",
        "faster", "fast", "quick", "rapid",
    ];

    /// <summary>Vague verbs with a testable neighbour.</summary>
    private static readonly Dictionary<string, string> ReplacedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["minimize"] = "limit",
        ["minimise"] = "limit",
        ["maximize"] = "increase",
        ["maximise"] = "increase",
    };

    /// <summary>Every vague term the EARS linter knows, and this class's own, longest first so phrases win over their words.</summary>
    private static readonly string[] AllDroppedPhrases = DroppedPhrases.Concat(EarsVocabulary.VagueTerms)
        .Select(p => p.ToLowerInvariant())
        .Where(p => !SpeedWords.Contains(p) && !ReplacedWords.ContainsKey(p))
        .Distinct(StringComparer.Ordinal)
        .OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)
        .ToArray();

    private static readonly HashSet<string> NotNouns = new HashSet<string>(StringComparer.Ordinal)
    {
        "and", "or", "but", "to", "for", "when", "if", "while", "with", "on", "in", "at", "by", "after", "before", "so",
        "then", "than", "enough", "as", "from", "of",
    };

    private static readonly Regex ReplacedPattern = new(
        $@"\b(?<word>{string.Join('|', ReplacedWords.Keys.Select(Regex.Escape))})\b",
        RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\b(?<be>be|is|are)\s+(?:fast|quick|responsive|performant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeFast();

    [GeneratedRegex(@"(?:[\s,;:]+(?:and|or|but))+$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingConjunction();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([,.;:])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"^[\s,;:]+|[\s,;:]+$")]
    private static partial Regex EdgePunctuation();

    [GeneratedRegex(@",\s*,")]
    private static partial Regex DoubleComma();

    [GeneratedRegex(@"\band/or\b", RegexOptions.IgnoreCase)]
    private static partial Regex AndOr();

    [GeneratedRegex(@"\bplease\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Please();

    [GeneratedRegex(@"\b(?:can't|cannot|can not|won't|wouldn't|shouldn't|mustn't|shan't|couldn't)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeModal();

    [GeneratedRegex(@"\b(?:shall|should|must|will|may|might|could|would|can)\b(?:\s+(?:be\s+able\s+to|need\s+to|have\s+to))?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Modal();

    [GeneratedRegex(@"(?<subject>[\w`'""-]+)\s+(?<modal>shall|should|must|will|may|might|could|would|can|can't|cannot|can not|won't|wouldn't|shouldn't|mustn't|couldn't)\s+(?<not>not\s+)?(?<adverb>(?:also|still|always|never|only|then|automatically|immediately)\s+)?(?<verb>[A-Za-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectModalVerb();

    private static readonly Regex SpeedPattern = new(
        $@"\b(?<phrase>{string.Join('|', SpeedWords.Select(Regex.Escape))})\b(?=\s+(?<next>[A-Za-z]+))?",
        RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    private static readonly Regex DroppedPattern = new(
        $@"(?:\b(?<article>a|an)\s+)?\b(?<phrase>{string.Join('|', AllDroppedPhrases.Select(Regex.Escape))})\b(?<comma>\s*,(?=\s*[A-Za-z]))?\s*(?=(?<next>[^\s,.;:]+))?",
        RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    /// <summary>Drops vague words and turns vague speed into <see cref="TimeBound"/>, noting each change.</summary>
    public static string RemoveVagueWords(string text, ICollection<string> notes)
    {
        var result = AndOr().Replace(text, _ =>
        {
            notes.Add("'and/or' was read as 'or'");
            return "or";
        });
        result = Please().Replace(result, "");
        result = BeFast().Replace(result, match =>
        {
            notes.Add($"'{match.Value.ToLowerInvariant()}' was read as 'respond {TimeBound}'");
            return match.Groups["be"].Value.Equals("is", StringComparison.OrdinalIgnoreCase) ? $"responds {TimeBound}" : $"respond {TimeBound}";
        });
        result = SpeedPattern.Replace(result, match =>
        {
            var phrase = match.Groups["phrase"].Value.ToLowerInvariant();
            var next = match.Groups["next"].Value.ToLowerInvariant();
            if (next.Length > 0 && !NotNouns.Contains(next) && !Verbs.Base.Contains(next))
            {
                notes.Add($"the vague word '{phrase}' was dropped; a performance requirement has to state its bound");
                return "";
            }

            notes.Add($"'{phrase}' was read as '{TimeBound}'");
            return TimeBound;
        });
        result = ReplacedPattern.Replace(result, match =>
        {
            var word = match.Groups["word"].Value;
            notes.Add($"the vague word '{word.ToLowerInvariant()}' was read as '{ReplacedWords[word]}'");
            return ReplacedWords[word];
        });
        var input = result;
        result = DroppedPattern.Replace(input, match =>
        {
            if (IsStatedQuantity(input, match))
            {
                return match.Value;
            }

            notes.Add($"the vague word '{match.Groups["phrase"].Value.ToLowerInvariant()}' was dropped");
            var next = match.Groups["next"].Value;
            if (!match.Groups["article"].Success)
            {
                return match.Groups["comma"].Success ? ", " : "";
            }

            return next.Length > 0 ? Verbs.Article(next) + " " : match.Groups["article"].Value + " ";
        });
        return Tidy(result);
    }

    /// <summary>"that many characters": a quantity the text states, which stays (<see cref="EarsVocabulary.IsStatedQuantity"/>).</summary>
    private static bool IsStatedQuantity(string text, Match match)
    {
        var before = text[..match.Index].TrimEnd();
        return !match.Groups["article"].Success && EarsVocabulary.IsStatedQuantity(before.AsSpan(before.LastIndexOf(' ') + 1), match.Groups["phrase"].Value);
    }

    /// <summary>
    /// Removes modals from a response that already follows "shall": "print an error and must exit" becomes
    /// "print an error and exit", "cannot"/"won't" become "not".
    /// </summary>
    public static string RemoveModalsFromResponse(string text)
    {
        var result = NegativeModal().Replace(text, "not");
        result = Modal().Replace(result, "");
        return Tidy(result);
    }

    /// <summary>
    /// Removes modals from a clause with its own subject, conjugating the verb after them:
    /// "the file cannot be read" → "the file is not read", "the user will pass a flag" → "the user passes a flag".
    /// </summary>
    public static string RemoveModalsFromClause(string text)
    {
        var result = SubjectModalVerb().Replace(text, match =>
        {
            var subject = match.Groups["subject"].Value;
            var modal = match.Groups["modal"].Value.ToLowerInvariant();
            var negative = match.Groups["not"].Success || modal.Contains('\'', StringComparison.Ordinal) || modal.StartsWith("can", StringComparison.Ordinal) && modal != "can";
            var verb = match.Groups["verb"].Value;
            return $"{subject} {match.Groups["adverb"].Value}{Conjugate(subject, verb, negative)}";
        });
        return RemoveModalsFromResponse(result);
    }

    /// <summary>"the name" + "be" → "the name is"; plural subjects keep the base form; negatives use "does not".</summary>
    public static string Conjugate(string subject, string verb, bool negative)
    {
        var plural = Verbs.IsPluralNoun(subject);
        var lower = verb.ToLowerInvariant();
        if (lower == "be")
        {
            return (plural ? "are" : "is") + (negative ? " not" : "");
        }

        if (negative)
        {
            return (plural ? "do not " : "does not ") + verb;
        }

        if (plural)
        {
            return verb;
        }

        return lower == verb ? Verbs.ThirdPerson(verb) : verb;
    }

    /// <summary>Collapses spaces and stray punctuation left behind by removals.</summary>
    public static string Tidy(string text)
    {
        var result = Whitespace().Replace(text, " ");
        result = DoubleComma().Replace(result, ",");
        result = SpaceBeforePunctuation().Replace(result, "$1");
        result = EdgePunctuation().Replace(result, "");
        return EdgePunctuation().Replace(DanglingConjunction().Replace(result, ""), "");
    }
}
