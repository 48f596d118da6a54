using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Ears;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Rewrites one free-text statement as an EARS sentence. The pattern follows the statement's own clauses
/// (a leading or trailing when/if/while/where clause; otherwise ubiquitous); the response keeps the statement's
/// words, with modals removed, the verb conjugated, and vague words dropped or bounded.
/// Always yields a sentence with exactly one "shall" and a comma after the condition.
/// </summary>
public static partial class EarsWriter
{
    public const string DefaultSystem = "the system";

    private const int MaxSystemNameWords = 4;

    private static readonly HashSet<string> People = new HashSet<string>(StringComparer.Ordinal)
    {
        "user", "users", "admin", "admins", "administrator", "administrators", "operator", "operators", "customer",
        "customers", "developer", "developers", "caller", "callers", "client", "clients", "visitor", "visitors",
        "member", "members", "owner", "owners", "maintainer", "maintainers", "people", "person", "reviewer", "reviewers",
        "you", "anyone", "everyone", "team", "teams",
    };

    private static readonly HashSet<string> SystemNouns = new HashSet<string>(StringComparer.Ordinal)
    {
        "system", "app", "application", "service", "api", "cli", "server", "tool", "program", "command", "line",
        "backend", "frontend", "ui", "library", "module", "script", "website", "site", "platform", "daemon", "worker",
        "bot", "it", "we", "i", "endpoint", "function", "planner", "pipeline", "job",
    };

    private static readonly HashSet<string> ClauseStarters = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "a", "an", "it", "its", "no", "any", "every", "each", "their", "this", "that", "there", "they", "we",
        "you", "users", "user", "one", "both", "either", "neither", "all", "his", "her", "our", "some",
    };

    private static readonly HashSet<string> EmbeddedQuestionVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "check", "checks", "verify", "verifies", "determine", "determines", "see", "sees", "ask", "asks", "test", "tests",
        "know", "even", "only", "as", "what", "decide", "decides", "tell", "tells", "show", "shows", "whether",
    };

    private static readonly (Regex Pattern, EarsPattern Ears, string Keyword)[] LeadingTriggers =
    [
        (LeadingEvent(), EarsPattern.EventDriven, "When"),
        (LeadingUnwanted(), EarsPattern.UnwantedBehaviour, "If"),
        (LeadingState(), EarsPattern.StateDriven, "While"),
        (LeadingOptional(), EarsPattern.OptionalFeature, "Where"),
    ];

    [GeneratedRegex(@"^(?:when|whenever|once(?!\s+(?:a|an|per|every)\b)|as soon as|each time|every time)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingEvent();

    [GeneratedRegex(@"^(?:if|in case|in the event that)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingUnwanted();

    [GeneratedRegex(@"^(?:while|as long as)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingState();

    [GeneratedRegex(@"^where\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingOptional();

    [GeneratedRegex(@"^(?<prep>after|upon|on|following|during)\s+(?<phrase>[^,]+),\s*(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPrepositionTrigger();

    [GeneratedRegex(@"^(?<phrase>(?:before|for|in|to|with|without|by|at|within|for each|from|once (?:a|an|per|every)|every|each)\s+[^,]+),\s*(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAdverbial();

    [GeneratedRegex(@"(?:,\s*|\s+)(?<keyword>if|when|whenever|while|once)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTrigger();

    [GeneratedRegex(@"\bshall\b", RegexOptions.IgnoreCase)]
    private static partial Regex Shall();

    [GeneratedRegex(@"\bthen\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThenInTrigger();

    [GeneratedRegex(@"\b(?:shall|should|must|will|may|might|could|would|can)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShallOrModal();

    [GeneratedRegex(@"\b(?<modal>must not|should not|shall not|will not|may not|cannot|can not|can't|won't|mustn't|shouldn't|must|should|will|may|can|could|might|would|needs to|need to|has to|have to|is required to|are required to|is expected to|are expected to|is able to|are able to)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ModalInClause();

    [GeneratedRegex(@"^(?<subject>.+?)\s+(?:is|are)\s+(?:required|needed|mandatory|expected)$", RegexOptions.IgnoreCase)]
    private static partial Regex IsRequired();

    [GeneratedRegex(@"^then\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingThen();

    [GeneratedRegex(@"^be able to\s+", RegexOptions.IgnoreCase)]
    private static partial Regex BeAbleTo();

    [GeneratedRegex(@"^(?:the|a|an|our|this|its)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"(?<=\band\s|\bor\s|,\s)(?<verb>[a-z]+)\b")]
    private static partial Regex CoordinatedVerb();

    public static EarsDraft Write(string statement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        var notes = new List<string>();
        var text = EarsPhrases.RemoveVagueWords(statement.Trim().TrimEnd('.', '!', ';', ':'), notes);
        if (text.Length == 0)
        {
            text = "satisfy the stated need";
        }

        var (pattern, keyword, trigger, main) = SplitTrigger(text);
        var (system, response) = MainClause(main);
        if (pattern != EarsPattern.Ubiquitous)
        {
            trigger = Words.Decapitalize(EarsPhrases.Tidy(ThenInTrigger().Replace(EarsPhrases.RemoveModalsFromClause(trigger), "after that")));
        }

        var draft = new EarsDraft
        {
            Pattern = trigger.Length == 0 ? EarsPattern.Ubiquitous : pattern,
            Keyword = trigger.Length == 0 ? "" : keyword,
            Trigger = trigger,
            System = system,
            Response = response,
            Notes = notes.Distinct(StringComparer.Ordinal).ToList(),
        };
        return Verified(draft, text);
    }

    /// <summary>
    /// Reads the draft back with the EARS parser. Words the linter still flags are removed; a sentence that stays
    /// malformed falls back to a ubiquitous requirement quoting the statement, which always parses.
    /// </summary>
    private static EarsDraft Verified(EarsDraft draft, string statement)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var parsed = EarsParser.Parse(draft.Text);
            if (parsed.Findings.Count == 0)
            {
                return draft;
            }

            var flagged = parsed.Findings.Where(f => f.Rule is EarsRule.VagueWord or EarsRule.WeakModal)
                .Select(f => draft.Text.Substring(f.Start, f.Length)).ToList();
            if (flagged.Count == 0)
            {
                return parsed.HasErrors ? Fallback(draft, statement) : draft;
            }

            draft = draft with
            {
                Trigger = flagged.Aggregate(draft.Trigger, RemoveWord),
                Response = flagged.Aggregate(draft.Response, RemoveWord),
            };
        }

        return EarsParser.Parse(draft.Text).HasErrors ? Fallback(draft, statement) : draft;
    }

    private static EarsDraft Fallback(EarsDraft draft, string statement)
    {
        var quoted = EarsPhrases.Tidy(ShallOrModal().Replace(statement, " ")).Replace('"', '\'');
        return draft with
        {
            Pattern = EarsPattern.Ubiquitous,
            Keyword = "",
            Trigger = "",
            System = DefaultSystem,
            Response = $"implement the statement \"{quoted}\"",
            Notes = [.. draft.Notes, "a statement that could not be phrased as EARS was quoted in a ubiquitous requirement"],
        };
    }

    private static string RemoveWord(string text, string word) =>
        EarsPhrases.Tidy(Regex.Replace(text, $@"\b{Regex.Escape(word)}\b", " ", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));

    /// <summary>The response in the present tense, for acceptance criteria: "print X and exit" → "prints X and exits".</summary>
    public static string PresentTense(string response)
    {
        var words = response.Split(' ', 2);
        var first = words[0];
        var head = first == "not" ? "does not" : Verbs.Base.Contains(first) || first == "be" || first == "have" ? Verbs.ThirdPerson(first) : first;
        var rest = words.Length > 1 ? words[1] : "";
        if (first == "not")
        {
            return $"{head} {rest}".Trim();
        }

        rest = CoordinatedVerb().Replace(rest, m => Verbs.Base.Contains(m.Value) && !Verbs.AlsoNouns.Contains(m.Value) ? Verbs.ThirdPerson(m.Value) : m.Value);
        return $"{head} {rest}".Trim();
    }

    private static (EarsPattern Pattern, string Keyword, string Trigger, string Main) SplitTrigger(string text)
    {
        foreach (var (regex, ears, keyword) in LeadingTriggers)
        {
            var match = regex.Match(text);
            if (match.Success && SplitLeadingClause(text[match.Length..]) is { } split)
            {
                return (ears, keyword, split.Trigger, split.Main);
            }
        }

        var preposition = LeadingPrepositionTrigger().Match(text);
        if (preposition.Success && StartsMainClause(preposition.Groups["rest"].Value))
        {
            var phrase = preposition.Groups["phrase"].Value.Trim();
            return preposition.Groups["prep"].Value.Equals("during", StringComparison.OrdinalIgnoreCase)
                ? (EarsPattern.StateDriven, "While", $"{phrase} is in progress", preposition.Groups["rest"].Value)
                : (EarsPattern.EventDriven, "When", EventFromPhrase(phrase), preposition.Groups["rest"].Value);
        }

        var trailing = TrailingTrigger().Match(text);
        while (trailing.Success)
        {
            var before = text[..trailing.Index].Trim();
            var rest = trailing.Groups["rest"].Value.Trim();
            var previous = before.Split(' ').LastOrDefault()?.ToLowerInvariant() ?? "";
            var firstOfRest = rest.Split(' ')[0].ToLowerInvariant();
            if (before.Split(' ').Length >= 2 && rest.Split(' ').Length >= 2 && !EmbeddedQuestionVerbs.Contains(previous)
                && (ClauseStarters.Contains(firstOfRest) || firstOfRest.StartsWith('`') || firstOfRest.StartsWith('"') || firstOfRest.StartsWith('-')
                    || IsConstantName(rest.Split(' ')[0])))
            {
                var keyword = trailing.Groups["keyword"].Value.ToLowerInvariant();
                var (ears, word) = keyword switch
                {
                    "if" => (EarsPattern.UnwantedBehaviour, "If"),
                    "while" => (EarsPattern.StateDriven, "While"),
                    _ => (EarsPattern.EventDriven, "When"),
                };
                return (ears, word, rest, before);
            }

            trailing = trailing.NextMatch();
        }

        return (EarsPattern.Ubiquitous, "", "", text);
    }

    /// <summary>Finds where a leading condition ends: at "then", at the comma before the main clause, or before the main clause's subject.</summary>
    private static (string Trigger, string Main)? SplitLeadingClause(string afterKeyword)
    {
        var then = Regex.Match(afterKeyword, @"(?:,\s*|\s+)then\s+", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        if (then.Success && then.Index > 0)
        {
            return (afterKeyword[..then.Index], afterKeyword[(then.Index + then.Length)..]);
        }

        var firstComma = -1;
        for (var comma = afterKeyword.IndexOf(',', StringComparison.Ordinal); comma >= 0; comma = afterKeyword.IndexOf(',', comma + 1))
        {
            firstComma = firstComma < 0 ? comma : firstComma;
            if (StartsMainClause(afterKeyword[(comma + 1)..]))
            {
                return (afterKeyword[..comma], afterKeyword[(comma + 1)..]);
            }
        }

        if (firstComma > 0)
        {
            return (afterKeyword[..firstComma], afterKeyword[(firstComma + 1)..]);
        }

        var modal = ModalInClause().Match(afterKeyword);
        if (modal.Success)
        {
            var words = afterKeyword[..modal.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = words.Length - 1; i > 0; i--)
            {
                if (ClauseStarters.Contains(words[i].ToLowerInvariant()))
                {
                    return (string.Join(' ', words[..i]), string.Join(' ', words[i..]) + " " + afterKeyword[modal.Index..]);
                }
            }
        }

        var all = afterKeyword.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 2; i < all.Length; i++)
        {
            var word = all[i].ToLowerInvariant();
            var previous = all[i - 1].ToLowerInvariant();
            if (Verbs.Base.Contains(word) && !Verbs.AlsoNouns.Contains(word) && previous is not ("to" or "the" or "a" or "an"))
            {
                return (string.Join(' ', all[..i]), string.Join(' ', all[i..]));
            }
        }

        return null;
    }

    private static bool StartsMainClause(string text)
    {
        var trimmed = LeadingThen().Replace(text.Trim(), "");
        var first = trimmed.Split(' ')[0].ToLowerInvariant();
        return Shall().IsMatch(trimmed) || ModalInClause().IsMatch(trimmed) || ClauseStarters.Contains(first)
            || Verbs.Base.Contains(first) || SystemNouns.Contains(first);
    }

    private static string EventFromPhrase(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words[0].EndsWith("ing", StringComparison.OrdinalIgnoreCase) || words.Skip(1).Any(Verbs.IsFinite))
        {
            return phrase;
        }

        return $"{phrase} {(Verbs.IsPluralNoun(phrase) ? "occur" : "occurs")}";
    }

    /// <summary>The system and its response from the main clause.</summary>
    private static (string System, string Response) MainClause(string main)
    {
        var text = LeadingThen().Replace(main.Trim(), "");
        var trailingAdverbial = "";
        var adverbial = LeadingAdverbial().Match(text);
        if (adverbial.Success && StartsMainClause(adverbial.Groups["rest"].Value))
        {
            trailingAdverbial = " " + Words.Decapitalize(adverbial.Groups["phrase"].Value.Trim());
            text = adverbial.Groups["rest"].Value.Trim();
        }

        var (system, response) = Analyse(text);
        response = EarsPhrases.Tidy(EarsPhrases.RemoveModalsFromResponse(response + trailingAdverbial));
        return (system, response.Length == 0 ? "provide the behaviour the statement names" : response);
    }

    private static (string System, string Response) Analyse(string text)
    {
        var shall = Shall().Match(text);
        if (shall.Success && shall.Index > 0)
        {
            return Subject(text[..shall.Index].Trim(), text[(shall.Index + shall.Length)..].Trim(), negative: false);
        }

        var required = IsRequired().Match(text);
        if (required.Success)
        {
            return (DefaultSystem, "provide " + Words.Decapitalize(required.Groups["subject"].Value));
        }

        var words = text.Split(' ', 2);
        var first = words[0].ToLowerInvariant();
        var rest = words.Length > 1 ? words[1] : "";
        var modal = ModalInClause().Match(text);
        if (Verbs.Base.Contains(first) && !(Verbs.AlsoNouns.Contains(first) && modal.Success))
        {
            return (DefaultSystem, Imperative(first, rest));
        }

        if (modal.Success && modal.Index > 0)
        {
            var negative = modal.Groups["modal"].Value.Contains("not", StringComparison.OrdinalIgnoreCase) || modal.Groups["modal"].Value.Contains('\'', StringComparison.Ordinal);
            var predicate = BeAbleTo().Replace(text[(modal.Index + modal.Length)..].Trim(), "");
            return Subject(text[..modal.Index].Trim(), predicate, negative);
        }

        var all = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var finite = Array.FindIndex(all, 1, Verbs.IsFinite);
        if (finite < 0)
        {
            return (DefaultSystem, (HasPluralSubjectVerb(all) ? "ensure that " : "provide ") + Words.Decapitalize(text));
        }

        if (finite == 1 && IsCodeName(all[0]))
        {
            return (all[0], $"{Verbs.ToBase(all[1])} {string.Join(' ', all[2..])}".TrimEnd());
        }

        var subjectHead = all[finite - 1].ToLowerInvariant();
        if (SystemNouns.Contains(subjectHead) && subjectHead is not ("it" or "we" or "i") && IsPlainName(string.Join(' ', all[..finite])))
        {
            var name = Determiner().Replace(Words.Decapitalize(string.Join(' ', all[..finite])), "");
            var predicate = string.Join(' ', all[(finite + 1)..]);
            var coordinated = CoordinatedVerb().Replace(predicate, m => Verbs.IsFinite(m.Value) ? Verbs.ToBase(m.Value) : m.Value);
            return ($"the {name}", $"{Verbs.ToBase(all[finite])} {coordinated}".TrimEnd());
        }

        return (DefaultSystem, "ensure that " + Words.Decapitalize(text));
    }

    /// <summary>"The definitions in index.d.ts document the option": a plural subject's verb, in its base form, before its object.</summary>
    private static bool HasPluralSubjectVerb(string[] words) =>
        Enumerable.Range(1, Math.Max(0, words.Length - 2)).Any(i =>
            Verbs.Base.Contains(words[i].ToLowerInvariant()) && !words[i - 1].Equals("to", StringComparison.OrdinalIgnoreCase)
            && words[i + 1].ToLowerInvariant() is "the" or "a" or "an" or "its" or "their" or "each" or "every");

    /// <summary>A name in code quotes (<c>`slugify`</c>): the subject of the sentence, and so the system that responds.</summary>
    private static bool IsCodeName(string word) => word.Length > 2 && word[0] == '`' && word[^1] == '`' && !word[1..^1].Contains('`', StringComparison.Ordinal);

    /// <summary>An upper-case identifier such as OMOI_PLANNER: the subject of a condition clause, not a relative clause's verb.</summary>
    private static bool IsConstantName(string word) =>
        word.Length >= 2 && word.Any(char.IsLetter) && word.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_');

    /// <summary>A system name the EARS parser reads whole: a few words, no clause punctuation.</summary>
    private static bool IsPlainName(string subject) =>
        subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxSystemNameWords && !subject.Any(c => c is ',' or ';' or ':' or '(' or ')');

    private static string Imperative(string verb, string rest)
    {
        if (verb == "let")
        {
            var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.FindIndex(words, 1, w => Verbs.Base.Contains(w.ToLowerInvariant()));
            return at > 0
                ? $"allow {string.Join(' ', words[..at])} to {string.Join(' ', words[at..])}"
                : $"allow {rest}";
        }

        return $"{(Verbs.MeanProvide.Contains(verb) ? "provide" : verb)} {rest}".Trim();
    }

    /// <summary>Who or what the clause is about decides the sentence: people get "allow … to", the system keeps its name, things get "ensure that".</summary>
    private static (string System, string Response) Subject(string subject, string predicate, bool negative)
    {
        var head = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? "";
        var not = negative ? "not " : "";
        if (subject.Length == 0 || head is "it" or "we" or "i")
        {
            return (DefaultSystem, not + predicate);
        }

        if (People.Contains(head))
        {
            var who = head == "you" ? "users" : Words.Decapitalize(subject);
            return (DefaultSystem, $"{not}allow {who} to {predicate}");
        }

        if (SystemNouns.Contains(head) && IsPlainName(subject))
        {
            var name = Determiner().Replace(Words.Decapitalize(subject), "");
            return ($"the {name}", not + predicate);
        }

        var parts = predicate.Split(' ', 2);
        var conjugated = EarsPhrases.Conjugate(subject, parts[0], negative);
        return (DefaultSystem, $"ensure that {Words.Decapitalize(subject)} {conjugated} {(parts.Length > 1 ? parts[1] : "")}".TrimEnd());
    }
}
