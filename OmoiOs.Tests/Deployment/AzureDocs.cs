using System.Text.RegularExpressions;

namespace OmoiOs.Tests.Deployment;

/// <summary>docs/azure.md as the deployment tests read it.</summary>
internal static partial class AzureDocs
{
    public const string Path = "docs/azure.md";
    private const string SettingsHeading = "### The app settings the deployment sets";

    public static string Text => RepositoryFiles.Read(Path);

    /// <summary>Every key named (in backticks) in the first column of the app settings table.</summary>
    public static IReadOnlySet<string> SettingsTableKeys()
    {
        var text = Text;
        var start = text.IndexOf(SettingsHeading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{Path} has no '{SettingsHeading}' section.");
        var end = text.IndexOf("\n#", start + SettingsHeading.Length, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];

        return section.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => CodeSpan().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
