namespace OmoiOs.Core.Planning.Ears;

/// <summary>One leading clause: its keyword, where the keyword is, and the condition it introduces.</summary>
public sealed record EarsClause(EarsKeyword Keyword, int KeywordStart, EarsSpan Condition)
{
    /// <summary>While and Where state preconditions; When and If name the trigger.</summary>
    public bool IsPrecondition => Keyword is EarsKeyword.While or EarsKeyword.Where;
}
