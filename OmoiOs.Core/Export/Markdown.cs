using System.Text;

namespace OmoiOs.Core.Export;

/// <summary>Small helpers that keep planner text from breaking the Markdown around it.</summary>
internal static class Markdown
{
    /// <summary>Text on one line: line breaks become spaces.</summary>
    public static string Inline(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Text for a table cell: one line, pipes escaped.</summary>
    public static string Cell(string? text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    public static string Code(string text) => $"`{Inline(text)}`";

    /// <summary>A lowercase, hyphenated name for a folder (<c>Password reset!</c> → <c>password-reset</c>).</summary>
    public static string Slug(string text, string fallback)
    {
        const int MaxLength = 48;
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString(0, Math.Min(builder.Length, MaxLength)).Trim('-');
        return slug.Length > 0 ? slug : fallback;
    }

    /// <summary>Appends a paragraph (text and a blank line) when there is text.</summary>
    public static StringBuilder Paragraph(this StringBuilder builder, string? text) =>
        string.IsNullOrWhiteSpace(text) ? builder : builder.Append(text.Trim()).Append("\n\n");

    public static StringBuilder Line(this StringBuilder builder, string text = "") => builder.Append(text).Append('\n');

    /// <summary>The document with exactly one final newline.</summary>
    public static string Finish(StringBuilder builder) => builder.ToString().TrimEnd('\n') + "\n";
}
