namespace OmoiOs.Core.Planning.Ears;

/// <summary>Splits a requirement sentence into words, quoted text and punctuation, keeping character offsets.</summary>
public static class EarsTokenizer
{
    public static IReadOnlyList<EarsToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<EarsToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsWordChar(c))
            {
                var end = WordEnd(text, i);
                tokens.Add(new EarsToken(EarsTokenKind.Word, i, end - i));
                i = end;
            }
            else if (QuoteEnd(text, i) is var close and > 0)
            {
                tokens.Add(new EarsToken(EarsTokenKind.Quoted, i, close + 1 - i));
                i = close + 1;
            }
            else
            {
                tokens.Add(new EarsToken(EarsTokenKind.Punctuation, i, 1));
                i++;
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsConnector(char c) => c is '-' or '\'' or '\u2019' or '.' or '/' or ':' or '@';

    private static int WordEnd(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
            {
                i++;
            }
            else if (IsConnector(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i += 2;
            }
            else if (text[i] == '%')
            {
                // "99.9%" keeps its unit.
                i++;
                break;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The index of the closing quote when <paramref name="open"/> starts a quotation; -1 otherwise.</summary>
    private static int QuoteEnd(string text, int open)
    {
        var closing = text[open] switch
        {
            '"' => '"',
            '`' => '`',
            '\u201C' => '\u201D',
            '\u2018' => '\u2019',
            '\'' => '\'',
            _ => '\0',
        };
        if (closing == '\0')
        {
            return -1;
        }

        for (var i = open + 1; i < text.Length; i++)
        {
            // A single quote closes only where a word ends, so "the user's 'Save' button" quotes Save.
            if (text[i] == closing && (closing != '\'' || i + 1 == text.Length || !IsWordChar(text[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
