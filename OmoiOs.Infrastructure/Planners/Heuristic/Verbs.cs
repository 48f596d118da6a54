namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>The English verbs specs use most, and the little grammar the heuristic writers need around them.</summary>
internal static class Verbs
{
    public static readonly IReadOnlySet<string> Base = new HashSet<string>(StringComparer.Ordinal)
    {
        "accept", "add", "allow", "append", "apply", "archive", "ask", "assign", "attach", "authenticate", "authorize", "block",
        "build", "cache", "calculate", "call", "cancel", "cap", "capitalize", "change", "check", "choose", "clear", "close",
        "collect", "compare", "compute", "configure", "confirm", "connect", "contain", "continue", "convert", "copy",
        "count", "create", "cut", "decode", "default", "define", "delete", "deny", "deploy", "describe", "detect", "disable", "display",
        "document", "download", "emit", "enable", "encode", "encrypt", "enforce", "ensure", "enter", "exclude", "execute", "exit",
        "expire", "explain", "export", "expose", "extract", "fail", "fall", "fetch", "filter", "find", "finish", "format",
        "generate", "get", "give", "greet", "group", "handle", "hide", "highlight", "identify", "ignore", "implement",
        "import", "include", "indicate", "inform", "initialize", "insert", "install", "introduce", "keep", "label",
        "launch", "let", "limit", "list", "load", "lock", "log", "make", "mark", "mask", "match", "merge", "migrate",
        "move", "name", "normalize", "notify", "open", "output", "parse", "pass", "pause", "persist", "pick", "place",
        "populate", "post", "prefer", "prevent", "print", "process", "produce", "prompt", "protect", "provide",
        "publish", "purge", "push", "query", "queue", "raise", "read", "receive", "record", "redirect", "refresh",
        "register", "reject", "reload", "remember", "remove", "rename", "render", "repeat", "replace", "report",
        "request", "require", "reset", "resize", "resolve", "respond", "restart", "restore", "restrict", "resume",
        "retain", "retry", "return", "reuse", "revoke", "rotate", "run", "sanitize", "save", "scan", "schedule",
        "search", "select", "send", "serve", "set", "show", "shut", "sign", "skip", "sort", "split", "start", "stop",
        "store", "stream", "strip", "submit", "subscribe", "supply", "support", "suppress", "switch", "sync", "take",
        "terminate", "throttle", "throw", "toggle", "track", "transform", "translate", "treat", "trim", "trigger", "truncate",
        "try", "turn", "undo", "unlock", "update", "upgrade", "upload", "use", "validate", "verify", "view", "wait",
        "warn", "watch", "write",
    };

    /// <summary>Verbs that are just as often the noun at the start of a sentence ("Name validation …").</summary>
    public static readonly IReadOnlySet<string> AlsoNouns = new HashSet<string>(StringComparer.Ordinal)
    {
        "cache", "change", "count", "default", "display", "download", "export", "format", "group", "import", "label",
        "limit", "list", "log", "mark", "match", "name", "output", "place", "post", "process", "query", "queue",
        "record", "report", "request", "search", "set", "sign", "sort", "stream", "support", "switch", "update",
        "upload", "view", "filter",
    };

    /// <summary>Development verbs that, as a requirement, mean the system provides the thing.</summary>
    public static readonly IReadOnlySet<string> MeanProvide = new HashSet<string>(StringComparer.Ordinal)
    {
        "add", "introduce", "implement", "build",
    };

    private static readonly HashSet<string> Finite = new HashSet<string>(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "exists", "exist",
    };

    /// <summary>The third-person singular of a base verb: print → prints, pass → passes, try → tries.</summary>
    public static string ThirdPerson(string verb)
    {
        if (verb == "be")
        {
            return "is";
        }

        if (verb == "have")
        {
            return "has";
        }

        if (verb.EndsWith('y') && verb.Length > 1 && !"aeiou".Contains(verb[^2], StringComparison.Ordinal))
        {
            return verb[..^1] + "ies";
        }

        return verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch", StringComparison.Ordinal)
            || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith('o')
            ? verb + "es"
            : verb + "s";
    }

    /// <summary>Whether a word reads as a finite verb (is, prints, passed), so its clause is a sentence rather than a noun phrase.</summary>
    public static bool IsFinite(string word)
    {
        var lower = word.ToLowerInvariant();
        if (Finite.Contains(lower))
        {
            return true;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ies", "es", "s", "ed", "d"])
        {
            if (lower.Length > suffix.Length + 1 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = lower[..^suffix.Length];
                if (Base.Contains(stem) || Base.Contains(stem + "e") || (suffix == "ies" && Base.Contains(stem + "y")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The base form of a finite verb (prints → print, is → be); the word itself when it is not one.</summary>
    public static string ToBase(string word)
    {
        var lower = word.ToLowerInvariant();
        switch (lower)
        {
            case "is" or "are" or "was" or "were":
                return "be";
            case "has" or "had":
                return "have";
            case "does" or "did":
                return "do";
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ies", "es", "s"])
        {
            if (lower.Length > suffix.Length + 1 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = lower[..^suffix.Length];
                if (suffix == "ies" && Base.Contains(stem + "y"))
                {
                    return stem + "y";
                }

                if (Base.Contains(stem))
                {
                    return stem;
                }

                if (Base.Contains(stem + "e"))
                {
                    return stem + "e";
                }
            }
        }

        return word;
    }

    /// <summary>A rough plural test on a noun phrase's last word (users, files; not status, class).</summary>
    public static bool IsPluralNoun(string phrase)
    {
        var last = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? "";
        if (last is "they" or "we" or "you" or "both" or "all" or "people")
        {
            return true;
        }

        return last.Length > 3 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal)
            && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal);
    }

    /// <summary>"a" or "an" before a word, by its first letter (with the common exceptions).</summary>
    public static string Article(string nextWord)
    {
        var lower = nextWord.ToLowerInvariant();
        if (lower.StartsWith("us", StringComparison.Ordinal) || lower.StartsWith("uni", StringComparison.Ordinal))
        {
            return "a";
        }

        return lower.Length > 0 && "aeiou".Contains(lower[0], StringComparison.Ordinal) ? "an" : "a";
    }
}
