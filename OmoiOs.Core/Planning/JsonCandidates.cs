namespace OmoiOs.Core.Planning;

/// <summary>
/// The places where a planner's reply may hold its JSON, most likely first: the whole reply, the contents of
/// Markdown code fences, then each balanced <c>{…}</c> object in the prose (outermost first).
/// </summary>
internal static class JsonCandidates
{
    // Prose with many stray braces must not make the search quadratic in practice.
    private const int MaxObjectCandidates = 64;
    private const string Fence = "```";

    public static IEnumerable<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimStart('\uFEFF');
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            yield return trimmed;
        }

        foreach (var fenced in FencedBlocks(trimmed))
        {
            yield return fenced;
        }

        foreach (var candidate in BalancedObjects(trimmed))
        {
            yield return candidate;
        }
    }

    private static IEnumerable<string> FencedBlocks(string text)
    {
        var position = 0;
        while (true)
        {
            var open = text.IndexOf(Fence, position, StringComparison.Ordinal);
            if (open < 0)
            {
                yield break;
            }

            // The info string (```json) runs to the end of the fence's line.
            var contentStart = text.IndexOf('\n', open + Fence.Length);
            if (contentStart < 0)
            {
                yield break;
            }

            var close = text.IndexOf(Fence, contentStart, StringComparison.Ordinal);
            var content = (close < 0 ? text[(contentStart + 1)..] : text[(contentStart + 1)..close]).Trim();
            if (content.StartsWith('{') || content.StartsWith('['))
            {
                yield return content;
            }

            if (close < 0)
            {
                yield break;
            }

            position = close + Fence.Length;
        }
    }

    private static IEnumerable<string> BalancedObjects(string text)
    {
        var start = text.IndexOf('{');
        var produced = 0;
        while (start >= 0 && produced < MaxObjectCandidates)
        {
            var end = MatchingBrace(text, start);
            if (end < 0)
            {
                // Unbalanced to the end: most likely a truncated reply. Offer it so the reader can say where it broke.
                yield return text[start..];
                yield break;
            }

            produced++;
            yield return text[start..(end + 1)];
            start = text.IndexOf('{', start + 1);
        }
    }

    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }
}
