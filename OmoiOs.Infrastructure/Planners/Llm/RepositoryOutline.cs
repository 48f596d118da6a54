using System.Text;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// A bounded look at a repository for the EXPLORE prompt, since a model cannot read the disk: the README's opening
/// and the file paths breadth-first, skipping hidden, dependency and build-output folders.
/// </summary>
internal static class RepositoryOutline
{
    public const int MaxPaths = 400;
    public const int MaxReadmeChars = 4000;

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "dist", "build", "target", "out", "vendor", "__pycache__", "packages", "coverage",
    };

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    public static string Describe(string repositoryPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryPath);
        if (!Directory.Exists(repositoryPath))
        {
            return "(the repository is not on this host, so no file list is given)";
        }

        var outline = new StringBuilder();
        var readme = Directory.EnumerateFiles(repositoryPath, "README*", OneLevel).Order(StringComparer.Ordinal).FirstOrDefault();
        if (readme is not null)
        {
            var text = File.ReadAllText(readme);
            outline.AppendLine($"{Path.GetFileName(readme)} (opening):")
                .AppendLine(text.Length > MaxReadmeChars ? text[..MaxReadmeChars] + "…" : text)
                .AppendLine();
        }

        var paths = Paths(repositoryPath).Take(MaxPaths + 1).ToList();
        outline.AppendLine("Files:");
        foreach (var path in paths.Take(MaxPaths))
        {
            outline.AppendLine(path);
        }

        if (paths.Count > MaxPaths)
        {
            outline.AppendLine($"(list stops at {MaxPaths} files)");
        }

        return outline.ToString();
    }

    private static IEnumerable<string> Paths(string root)
    {
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", OneLevel).Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(root, file).Replace('\\', '/');
            }

            foreach (var child in Directory.EnumerateDirectories(directory, "*", OneLevel).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(child);
                if (!name.StartsWith('.') && !SkippedDirectories.Contains(name))
                {
                    pending.Enqueue(child);
                }
            }
        }
    }
}
