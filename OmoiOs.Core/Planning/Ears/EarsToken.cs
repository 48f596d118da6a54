namespace OmoiOs.Core.Planning.Ears;

/// <summary>One token of a requirement sentence, as a character range of the source text.</summary>
public readonly record struct EarsToken(EarsTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public string TextIn(string source) => source.Substring(Start, Length);
}

/// <summary>What a token of a requirement sentence is.</summary>
public enum EarsTokenKind
{
    /// <summary>Letters and digits, with inner hyphens, apostrophes, dots, slashes or colons (<c>user-friendly</c>, <c>don't</c>, <c>3.5</c>, <c>and/or</c>).</summary>
    Word,

    /// <summary>Text in double quotes, curly quotes, backticks or single quotes, quotes included; never a keyword.</summary>
    Quoted,

    /// <summary>Any other single visible character (<c>,</c> <c>.</c> <c>;</c> <c>(</c> …).</summary>
    Punctuation,
}
