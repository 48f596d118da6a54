using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class RepositoryOutlineTests : IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("omoi-outline-");

    public void Dispose() => _repository.Delete(recursive: true);

    [Fact]
    public void Describe_Repository_ListsSourcesBreadthFirstAndSkipsHiddenAndDependencyFolders()
    {
        Write("README.md", "# Shop\nA small web shop.");
        Write("src/App.cs", "");
        Write("src/Orders/Order.cs", "");
        Write("node_modules/left-pad/index.js", "");
        Write(".git/HEAD", "ref: refs/heads/main");
        Write("obj/App.dll", "");

        var outline = RepositoryOutline.Describe(_repository.FullName);

        Assert.Contains("A small web shop.", outline, StringComparison.Ordinal);
        var files = outline[outline.IndexOf("Files:", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["Files:", "README.md", "src/App.cs", "src/Orders/Order.cs"], files);
    }

    [Fact]
    public void Describe_MoreFilesThanTheCap_StopsAndSaysSo()
    {
        for (var i = 0; i <= RepositoryOutline.MaxPaths; i++)
        {
            Write($"f{i:D4}.txt", "");
        }

        var outline = RepositoryOutline.Describe(_repository.FullName);

        Assert.Contains($"(list stops at {RepositoryOutline.MaxPaths} files)", outline, StringComparison.Ordinal);
        Assert.DoesNotContain($"f{RepositoryOutline.MaxPaths:D4}.txt", outline, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_MissingPath_SaysTheRepositoryIsNotHere()
    {
        var outline = RepositoryOutline.Describe(Path.Combine(_repository.FullName, "absent"));

        Assert.Contains("not on this host", outline, StringComparison.Ordinal);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_repository.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
