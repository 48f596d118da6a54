namespace OmoiOs.Core.Planning.Ears;

/// <summary>A part of the requirement sentence: its text and where it sits (character offset and length).</summary>
public sealed record EarsSpan(int Start, int Length, string Text);
