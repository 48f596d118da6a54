using System.Text;
using System.Text.RegularExpressions;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Cuts a markdown or prose spec description into statements: one per bullet or sentence. Headings and labels
/// such as "Out of scope:" or "Open questions" route the statements under them; code blocks are ignored.
/// Linear in the text's length, so a megabyte of text is cut in milliseconds; only the first
/// <see cref="MaxStatements"/> requirement statements are kept.
/// </summary>
public static partial class SpecStatementSplitter
{
    public const int MaxStatements = 50;

    public const int MaxStatementLength = 400;

    private const int MinWords = 3;

    private enum Section
    {
        Requirements,
        OutOfScope,
        Questions,
    }

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")]
    private static partial Regex BulletPrefix();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingPrefix();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'`(\[])")]
    private static partial Regex SentenceBoundary();

    /// <summary>"… accepts a `maxLength` option; when it is given, the slug is at most …": the condition, closed by its comma, belongs to the clause after it.</summary>
    [GeneratedRegex(@";\s+(?=(?:when|if|while|where)\b[^;]*,)", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionAfterSemicolon();

    [GeneratedRegex(@"^(out[ -]of[ -]scope|not in scope|non[- ]goals?|excluded)\b\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfScopeLabel();

    [GeneratedRegex(@"^(open questions?|questions?)\b\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionsLabel();

    [GeneratedRegex(@"^(in scope|requirements?|goals?|acceptance criteria|details|scope)\b\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RequirementsLabel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static SpecStatements Split(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var collector = new Collector();
        var headingSection = Section.Requirements;
        Section? labelSection = null;
        var block = new StringBuilder();
        var blockIsBullet = false;
        var inFence = false;

        foreach (var rawLine in description.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush();
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (HeadingPrefix().IsMatch(line))
            {
                Flush();
                headingSection = LabelOf(HeadingPrefix().Replace(line, ""), out _) ?? Section.Requirements;
                labelSection = null;
                continue;
            }

            var bullet = BulletPrefix().Match(line);
            if (bullet.Success || line.Length == 0)
            {
                Flush();
                blockIsBullet = bullet.Success;
            }

            var text = bullet.Success ? line[bullet.Length..] : trimmed;
            if (text.Length > 0)
            {
                block.Append(' ').Append(text);
            }
        }

        Flush();
        return collector.ToStatements();

        void Flush()
        {
            if (block.Length == 0)
            {
                return;
            }

            var text = block.ToString().Trim();
            block.Clear();
            if (!blockIsBullet)
            {
                labelSection = null;
            }

            var label = LabelOf(text, out var rest);
            if (label is not null && rest.Length == 0)
            {
                // A bare label ("Out of scope:") covers the bullets after it.
                labelSection = label;
                return;
            }

            var section = label ?? labelSection ?? headingSection;
            foreach (var sentence in SentenceBoundary().Split(Normalize(rest)))
            {
                var clauses = ConditionAfterSemicolon().Split(sentence);
                for (var i = 0; i < clauses.Length; i++)
                {
                    collector.Add(i == 0 ? clauses[i] : Words.Capitalize(clauses[i].TrimStart()), section);
                }
            }
        }
    }

    /// <summary>The section a heading or label names, and the text after the label; null when it names none.</summary>
    private static Section? LabelOf(string text, out string rest)
    {
        foreach (var (label, section) in (ReadOnlySpan<(Regex, Section)>)[
            (OutOfScopeLabel(), Section.OutOfScope), (QuestionsLabel(), Section.Questions), (RequirementsLabel(), Section.Requirements)])
        {
            var match = label.Match(text);
            if (match.Success && (match.Value.Contains(':', StringComparison.Ordinal) || match.Length == text.Length))
            {
                rest = text[match.Length..].Trim();
                return section;
            }
        }

        rest = text;
        return null;
    }

    private static string Normalize(string text) =>
        Whitespace().Replace(text, " ")
            .Replace("**", "", StringComparison.Ordinal)
            .Replace("e.g.", "for example", StringComparison.OrdinalIgnoreCase)
            .Replace("i.e.", "that is", StringComparison.OrdinalIgnoreCase)
            .Replace("etc.", "etc", StringComparison.OrdinalIgnoreCase)
            .Replace("vs.", "versus", StringComparison.OrdinalIgnoreCase)
            .Trim();

    private sealed class Collector
    {
        private readonly List<string> _requirements = [];
        private readonly List<string> _outOfScope = [];
        private readonly List<string> _questions = [];
        private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
        private int _omitted;
        private int _shortened;

        public void Add(string sentence, Section section)
        {
            var text = sentence.Trim().TrimStart('>', ' ').TrimEnd('.', ';', '!', ' ');
            if (text.EndsWith(':') || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinWords || !_seen.Add(text))
            {
                return;
            }

            if (text.Length > MaxStatementLength)
            {
                var cut = text.LastIndexOf(' ', MaxStatementLength);
                text = text[..(cut > 0 ? cut : MaxStatementLength)].TrimEnd(',', ';', ' ');
                _shortened++;
            }

            var target = text.EndsWith('?') ? _questions : section switch
            {
                Section.OutOfScope => _outOfScope,
                Section.Questions => _questions,
                _ => _requirements,
            };
            if (target == _requirements && _requirements.Count >= MaxStatements)
            {
                _omitted++;
                return;
            }

            if (target.Count < MaxStatements)
            {
                target.Add(text);
            }
        }

        public SpecStatements ToStatements() => new()
        {
            Requirements = _requirements,
            OutOfScope = _outOfScope,
            Questions = _questions,
            Omitted = _omitted,
            Shortened = _shortened,
        };
    }
}
