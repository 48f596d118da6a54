using System.Collections.Frozen;
using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning.Ears;

/// <summary>
/// Reads one requirement sentence as EARS by recursive descent over its tokens:
/// <code>
/// requirement := clause* main
/// clause      := ("while" | "where" | "when" | "if") condition ("," | "then" | ε)
/// main        := ["then"] system modal response ["."]
/// </code>
/// The modal ("shall") is located first so a clause knows where the main clause begins; a condition ends at a
/// comma that precedes the next clause keyword or the system, at THEN, or, with no comma, where the system's noun
/// phrase starts. Never throws for odd input: every defect becomes a finding.
/// </summary>
public sealed class EarsParser
{
    private const int LongSystemNameWords = 6;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakModals =
        EarsVocabulary.WeakModals.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners =
        EarsVocabulary.Determiners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Conjunctions =
        EarsVocabulary.Conjunctions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords =
        EarsVocabulary.FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> VagueTerms =
        EarsVocabulary.VagueTermsByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string _text;
    private readonly IReadOnlyList<EarsToken> _tokens;
    private readonly List<EarsFinding> _findings = [];

    private EarsParser(string text)
    {
        _text = text;
        _tokens = EarsTokenizer.Tokenize(text);
    }

    private enum Boundary
    {
        NextClause,
        Then,
        Main,
    }

    public static EarsParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new EarsParser(text).ParseRequirement();
    }

    private EarsParseResult ParseRequirement()
    {
        if (!_tokens.Any(t => t.Kind != EarsTokenKind.Punctuation))
        {
            Report(EarsRule.EmptyText, EarsSeverity.Error, 0, _text.Length, "the requirement is empty");
            return new EarsParseResult { Text = _text, Findings = _findings };
        }

        var modal = LocateModal();
        var limit = modal >= 0 ? modal : _tokens.Count;
        var (clauses, mainStart) = ParseClauses(limit, modal >= 0);
        EarsSpan? system = null;
        EarsSpan? response = null;
        if (modal >= 0)
        {
            system = ParseSystem(mainStart, modal, clauses.Count == 0);
            response = ParseResponse(modal);
        }

        LintVagueTerms();
        _findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new EarsParseResult
        {
            Text = _text,
            Pattern = Classify(clauses),
            Clauses = clauses,
            System = system,
            Response = response,
            Findings = _findings,
        };
    }

    private static EarsPattern Classify(IReadOnlyList<EarsClause> clauses) => clauses.Count switch
    {
        0 => EarsPattern.Ubiquitous,
        1 => clauses[0].Keyword switch
        {
            EarsKeyword.When => EarsPattern.EventDriven,
            EarsKeyword.While => EarsPattern.StateDriven,
            EarsKeyword.If => EarsPattern.UnwantedBehaviour,
            _ => EarsPattern.OptionalFeature,
        },
        _ => EarsPattern.Complex,
    };

    /// <summary>The token index of the main modal: the first "shall", else the weak modal that heads the main clause; -1 if none.</summary>
    private int LocateModal()
    {
        var shalls = new List<int>();
        var weak = new List<int>();
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (IsWord(i, EarsVocabulary.Shall))
            {
                shalls.Add(i);
            }
            else if (_tokens[i].Kind == EarsTokenKind.Word && WeakModals.Contains(Span(i)))
            {
                weak.Add(i);
            }
        }

        if (shalls.Count > 0)
        {
            if (shalls.Count > 1)
            {
                var second = _tokens[shalls[1]];
                Report(EarsRule.MultipleShall, EarsSeverity.Error, second.Start, second.Length,
                    $"{shalls.Count} occurrences of \"shall\": state one behaviour per requirement and split the rest out");
            }

            return shalls[0];
        }

        if (weak.Count == 0)
        {
            Report(EarsRule.MissingShall, EarsSeverity.Error, 0, _text.Length, "no \"shall\": an EARS requirement states what the system shall do");
            return -1;
        }

        // "When the user can sign in, the system should …": the modal of a condition is not the main one.
        var modal = weak.FirstOrDefault(i => !ConditionPrecedes(i), weak[0]);
        var token = _tokens[modal];
        Report(EarsRule.WeakModal, EarsSeverity.Error, token.Start, token.Length,
            $"\"{token.TextIn(_text)}\" is a weak modal: EARS requirements use \"shall\"");
        return modal;
    }

    /// <summary>Whether a clause keyword appears between the last comma or THEN before <paramref name="index"/> and it.</summary>
    private bool ConditionPrecedes(int index)
    {
        for (var i = index - 1; i >= 0 && !IsPunctuation(i, ',') && !IsThenBoundary(i, 0); i--)
        {
            if (KeywordAt(i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private (IReadOnlyList<EarsClause> Clauses, int MainStart) ParseClauses(int limit, bool hasModal)
    {
        var clauses = new List<EarsClause>();
        var position = 0;
        var thenSeen = false;
        var triggerSeen = false;
        while (position < limit && KeywordAt(position) is { } keyword)
        {
            var keywordToken = _tokens[position];
            var (conditionEnd, next, boundary) = FindClauseEnd(position + 1, limit, hasModal);
            var condition = SpanOf(position + 1, conditionEnd);
            if (condition is null)
            {
                Report(EarsRule.EmptyCondition, EarsSeverity.Error, keywordToken.Start, keywordToken.Length,
                    $"\"{keywordToken.TextIn(_text)}\" is not followed by a condition");
            }

            var clause = new EarsClause(keyword, keywordToken.Start, condition ?? new EarsSpan(keywordToken.End, 0, ""));
            if (clause.IsPrecondition && triggerSeen)
            {
                Report(EarsRule.ClauseOrder, EarsSeverity.Warning, keywordToken.Start, keywordToken.Length,
                    "EARS orders preconditions (While, Where) before the trigger (When, If)");
            }

            triggerSeen |= !clause.IsPrecondition;
            clauses.Add(clause);
            position = next;
            if (boundary != Boundary.NextClause)
            {
                thenSeen = boundary == Boundary.Then;
                break;
            }
        }

        if (thenSeen && position < limit && IsPunctuation(position, ','))
        {
            position++;
        }

        if (hasModal && !thenSeen && clauses.FirstOrDefault(c => c.Keyword == EarsKeyword.If) is { } unwanted)
        {
            Report(EarsRule.IfWithoutThen, EarsSeverity.Error, unwanted.KeywordStart, 2,
                "an IF clause needs THEN before the system: \"If <trigger>, then the <system> shall <response>\"");
        }

        return (clauses, position);
    }

    /// <summary>Where the condition that starts at <paramref name="start"/> ends, where parsing resumes, and why.</summary>
    private (int ConditionEnd, int Next, Boundary Boundary) FindClauseEnd(int start, int limit, bool hasModal)
    {
        for (var i = start; i < limit; i++)
        {
            if (IsPunctuation(i, ',') && i + 1 < limit && KeywordAt(i + 1) is not null)
            {
                return (i, i + 1, Boundary.NextClause);
            }

            if (IsThenBoundary(i, start))
            {
                return (i, i + 1, Boundary.Then);
            }
        }

        if (!hasModal)
        {
            return (limit, limit, Boundary.Main);
        }

        var lastComma = -1;
        for (var i = limit - 1; i >= start && lastComma < 0; i--)
        {
            lastComma = IsPunctuation(i, ',') ? i : -1;
        }

        if (lastComma >= 0 && !ContinuesCondition(lastComma + 1, limit))
        {
            return (lastComma, lastComma + 1, Boundary.Main);
        }

        var systemStart = SystemStartWithoutComma(lastComma >= 0 ? lastComma + 2 : start + 1, limit);
        if (systemStart < limit && !IsKiroSystem(systemStart))
        {
            var system = SpanOf(systemStart, limit)!;
            Report(EarsRule.MissingComma, EarsSeverity.Warning, _tokens[systemStart].Start, system.Length,
                $"no comma ends the condition; the system was read as \"{system.Text}\"");
        }

        return (systemStart, systemStart, Boundary.Main);
    }

    /// <summary>
    /// Whether the text after a condition's last comma still belongs to the condition ("a name, email and password
    /// the system shall"): it opens with a conjunction, or an article inside it starts a second noun phrase.
    /// </summary>
    private bool ContinuesCondition(int from, int limit)
    {
        if (from < limit && _tokens[from].Kind == EarsTokenKind.Word && Conjunctions.Contains(Span(from)))
        {
            return true;
        }

        // "the scheduler of the cluster" is one noun phrase: an article after a preposition does not start a new one.
        for (var i = from + 1; i < limit; i++)
        {
            if (IsDeterminer(i) && !(_tokens[i - 1].Kind == EarsTokenKind.Word && FunctionWords.Contains(Span(i - 1))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first token of the system name when no comma separates it from the condition, searched in
    /// [<paramref name="from"/>, <paramref name="limit"/>): a capitalised name before the modal (with its article),
    /// else the last article, else the last word. Returns <paramref name="limit"/> when there is no system at all.
    /// </summary>
    private int SystemStartWithoutComma(int from, int limit)
    {
        if (from >= limit)
        {
            return limit;
        }

        var run = limit;
        while (run - 1 >= from && IsCapitalisedWord(run - 1))
        {
            run--;
        }

        if (run < limit && run > from)
        {
            return run - 1 >= from && IsDeterminer(run - 1) ? run - 1 : run;
        }

        for (var i = limit - 1; i >= from; i--)
        {
            if (IsDeterminer(i))
            {
                return i;
            }
        }

        var last = limit - 1;
        return _tokens[last].Kind == EarsTokenKind.Word && !FunctionWords.Contains(Span(last)) ? last : limit;
    }

    private EarsSpan? ParseSystem(int start, int modal, bool ubiquitous)
    {
        var from = start;
        if (from < modal && IsWord(from, EarsVocabulary.Then))
        {
            from++;
        }

        if (ubiquitous)
        {
            var lastComma = -1;
            for (var i = from; i < modal; i++)
            {
                lastComma = IsPunctuation(i, ',') ? i : lastComma;
            }

            if (lastComma >= 0)
            {
                var preamble = SpanOf(from, lastComma);
                if (preamble is not null)
                {
                    Report(EarsRule.UnknownClause, EarsSeverity.Error, preamble.Start, preamble.Length,
                        $"\"{preamble.Text}\" is not an EARS clause: begin it with While, When, Where or If");
                }

                from = lastComma + 1;
            }
        }

        var system = SpanOf(from, modal);
        var modalToken = _tokens[modal];
        if (system is null)
        {
            Report(EarsRule.MissingSystem, EarsSeverity.Error, modalToken.Start, modalToken.Length,
                $"no system before \"{modalToken.TextIn(_text)}\": name who shall act (\"the system shall …\")");
            return null;
        }

        var words = 0;
        for (var i = from; i < modal; i++)
        {
            words += _tokens[i].Kind == EarsTokenKind.Word ? 1 : 0;
        }

        if (words > LongSystemNameWords)
        {
            Report(EarsRule.LongSystemName, EarsSeverity.Warning, system.Start, system.Length,
                $"the system name \"{system.Text}\" has {words} words; is a condition missing its keyword or comma?");
        }

        return system;
    }

    private EarsSpan? ParseResponse(int modal)
    {
        var end = _tokens.Count;
        while (end > modal + 1 && _tokens[end - 1].Kind == EarsTokenKind.Punctuation && _text[_tokens[end - 1].Start] is '.' or '!' or ';' or ',' or ':')
        {
            end--;
        }

        var response = SpanOf(modal + 1, end);
        if (response is null)
        {
            var token = _tokens[modal];
            Report(EarsRule.EmptyResponse, EarsSeverity.Error, token.Start, token.Length,
                $"nothing follows \"{token.TextIn(_text)}\": state the response");
        }

        return response;
    }

    private void LintVagueTerms()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (_tokens[i].Kind != EarsTokenKind.Word || !VagueTerms.TryGetValue(Span(i), out var terms)
                || (i > 0 && _tokens[i - 1].Kind == EarsTokenKind.Word && EarsVocabulary.IsStatedQuantity(Span(i - 1), Span(i))))
            {
                continue;
            }

            foreach (var words in terms)
            {
                if (Matches(i, words))
                {
                    var last = _tokens[i + words.Length - 1];
                    var text = _text[_tokens[i].Start..last.End];
                    Report(EarsRule.VagueWord, EarsSeverity.Warning, _tokens[i].Start, last.End - _tokens[i].Start,
                        $"\"{text}\" is vague: replace it with a measurable criterion");
                    i += words.Length - 1;
                    break;
                }
            }
        }
    }

    private bool Matches(int index, string[] words)
    {
        if (index + words.Length > _tokens.Count)
        {
            return false;
        }

        for (var w = 0; w < words.Length; w++)
        {
            if (!IsWord(index + w, words[w]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>THEN ends a condition unless it continues one ("logs in and then out").</summary>
    private bool IsThenBoundary(int index, int conditionStart) =>
        IsWord(index, EarsVocabulary.Then)
        && !(index - 1 >= conditionStart && _tokens[index - 1].Kind == EarsTokenKind.Word && Conjunctions.Contains(Span(index - 1)));

    /// <summary>Kiro writes the system in capitals (<c>WHEN … THE SYSTEM SHALL</c>), which marks it as clearly as a comma.</summary>
    private bool IsKiroSystem(int index) => IsWord(index, "THE", StringComparison.Ordinal);

    private bool IsDeterminer(int index) => _tokens[index].Kind == EarsTokenKind.Word && Determiners.Contains(Span(index));

    private bool IsCapitalisedWord(int index) => _tokens[index].Kind == EarsTokenKind.Word && char.IsUpper(_text[_tokens[index].Start]);

    private EarsKeyword? KeywordAt(int index) =>
        _tokens[index].Kind == EarsTokenKind.Word ? EarsVocabulary.Keyword(Span(index)) : null;

    private bool IsWord(int index, string word, StringComparison comparison = StringComparison.OrdinalIgnoreCase) =>
        _tokens[index].Kind == EarsTokenKind.Word && Span(index).Equals(word, comparison);

    private bool IsPunctuation(int index, char c) => _tokens[index].Kind == EarsTokenKind.Punctuation && _text[_tokens[index].Start] == c;

    private ReadOnlySpan<char> Span(int index) => _text.AsSpan(_tokens[index].Start, _tokens[index].Length);

    /// <summary>The text of tokens [from, to) without trailing commas or colons; null when nothing is left.</summary>
    private EarsSpan? SpanOf(int from, int to)
    {
        while (to > from && (IsPunctuation(to - 1, ',') || IsPunctuation(to - 1, ':') || IsPunctuation(to - 1, ';')))
        {
            to--;
        }

        if (to <= from)
        {
            return null;
        }

        var start = _tokens[from].Start;
        var end = _tokens[to - 1].End;
        return new EarsSpan(start, end - start, _text[start..end]);
    }

    private void Report(EarsRule rule, EarsSeverity severity, int start, int length, string message) =>
        _findings.Add(new EarsFinding(rule, severity, start, length, message));
}
