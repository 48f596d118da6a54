namespace OmoiOs.Tests.Support;

/// <summary>
/// The planning corpus (TestData/planning-corpus): trimmed copies of public repositories in several languages, each
/// with a spec.md (a "# Title" line, then the description) and a SOURCE.md naming its upstream and what was trimmed.
/// </summary>
public static class PlanningCorpus
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "planning-corpus");

    public static IEnumerable<string> Names => Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static CorpusEntry Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, name, "spec.md"));
        var title = lines.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        var description = string.Join('\n', lines.SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1)).Trim();
        return new CorpusEntry(name, Path.Combine(Root, name, "repo"), title, description);
    }
}

public sealed record CorpusEntry(string Name, string RepositoryPath, string Title, string Description);
