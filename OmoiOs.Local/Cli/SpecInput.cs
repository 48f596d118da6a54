using OmoiOs.Core.Errors;

namespace OmoiOs.Local.Cli;

/// <summary>The spec <c>omoi run</c> was given: a Markdown file, or the request as text.</summary>
internal sealed record SpecInput(string Title, string Description)
{
    private const int MaxTitleLength = 80;

    public static SpecInput From(string argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ValidationFailedException("spec", "is empty: give a Markdown file or the feature request as text.");
        }

        if (File.Exists(argument))
        {
            var text = File.ReadAllText(argument);
            var heading = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim();
            return new SpecInput(Shorten(heading is { Length: > 0 } ? heading : Path.GetFileNameWithoutExtension(argument)), text);
        }

        var firstSentence = argument.Trim().Split(['.', '\n'], 2)[0];
        return new SpecInput(Shorten(firstSentence), argument.Trim());
    }

    private static string Shorten(string title) =>
        title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)].TrimEnd() + "…";
}
