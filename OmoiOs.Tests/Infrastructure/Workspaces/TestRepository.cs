using System.Diagnostics;

namespace OmoiOs.Tests.Infrastructure.Workspaces;

/// <summary>A real git repository in a temp directory: the "user's checkout" the tests must never disturb.</summary>
internal sealed class TestRepository : IDisposable
{
    private TestRepository(string path) => Path = path;

    public string Path { get; }

    /// <summary>A repository on branch main with one commit holding <paramref name="files"/>.</summary>
    public static TestRepository Create(IReadOnlyDictionary<string, string> files)
    {
        var repository = new TestRepository(Directory.CreateTempSubdirectory("omoi-repo-").FullName);
        repository.Git("init", "--quiet", "--initial-branch=main");
        repository.Git("config", "user.name", "Test User");
        repository.Git("config", "user.email", "user@example.invalid");
        foreach (var (path, content) in files)
        {
            repository.Write(path, content);
        }

        repository.Git("add", "-A");
        repository.Git("commit", "--quiet", "-m", "initial");
        return repository;
    }

    public void Write(string relativePath, string content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    /// <summary>The file's content on a branch, or null when it has no such file.</summary>
    public string? Show(string branch, string relativePath)
    {
        var result = Run(["show", $"{branch}:{relativePath}"], allowFailure: true);
        return result.ExitCode == 0 ? result.Output : null;
    }

    public string Git(params string[] arguments) => Run(arguments, allowFailure: false).Output.Trim();

    public string GitWithIndex(string indexFile, params string[] arguments) => Run(arguments, allowFailure: false, indexFile).Output.Trim();

    public (int ExitCode, string Output) TryGit(params string[] arguments) => Run(arguments, allowFailure: true);

    /// <summary>Everything a user would notice changing in their checkout: HEAD, current branch, index and working tree.</summary>
    public string CheckoutState() =>
        string.Join("\n",
            Git("rev-parse", "HEAD"),
            Git("symbolic-ref", "HEAD"),
            Git("status", "--porcelain=v1", "--untracked-files=all"),
            Git("ls-files", "--stage"),
            string.Join(",", Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}.git{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(f => $"{f}:{File.ReadAllText(f).GetHashCode(StringComparison.Ordinal)}")));

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private (int ExitCode, string Output) Run(IReadOnlyList<string> arguments, bool allowFailure, string? indexFile = null)
    {
        var startInfo = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path };
        if (indexFile is not null)
        {
            startInfo.Environment["GIT_INDEX_FILE"] = indexFile;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
        }

        return (process.ExitCode, output);
    }
}
