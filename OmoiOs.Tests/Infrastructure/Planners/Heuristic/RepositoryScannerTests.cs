using Microsoft.Extensions.Time.Testing;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class RepositoryScannerTests : IDisposable
{
    private readonly List<string> _directories = [];

    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            SampleRepository.Delete(directory);
        }
    }

    private static RepositoryScanner CreateSut(RepositoryScanLimits? limits = null)
    {
        limits ??= new RepositoryScanLimits();
        return new RepositoryScanner(new FakeTimeProvider(), limits, new GitStateReader(limits));
    }

    private async Task<string> SampleAsync(bool git = true)
    {
        var path = await SampleRepository.CreateAsync(git);
        _directories.Add(path);
        return path;
    }

    private string EmptyDirectory()
    {
        var path = Directory.CreateTempSubdirectory("omoi-scan-").FullName;
        _directories.Add(path);
        return path;
    }

    [Fact]
    public async Task ScanAsync_SampleRepository_EveryTextFileWithLineCounts()
    {
        var path = await SampleAsync();

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        Assert.Equal(Path.GetFileName(path), snapshot.Name);
        Assert.Contains(snapshot.Files, f => f.Path == "sample_app/greeting.py" && f.Lines == File.ReadAllLines(Path.Combine(path, "sample_app", "greeting.py")).Length);
        Assert.Contains(snapshot.Files, f => f.Path == "test/text-format.test.js");
        Assert.Equal(snapshot.Files.Select(f => f.Path).Order(StringComparer.Ordinal), snapshot.Files.Select(f => f.Path));
        Assert.DoesNotContain(snapshot.Files, f => f.Path.StartsWith(".git/", StringComparison.Ordinal));
        Assert.Contains(snapshot.Stats.Skipped, s => s.Path == ".git/" && s.Reason == "excluded directory");
        Assert.Contains(snapshot.Manifests, m => m.Path == "Makefile" && m.Content.Contains("test-python", StringComparison.Ordinal));
        Assert.Equal(snapshot.Files.Count, snapshot.Stats.FilesScanned);
    }

    [Fact]
    public async Task ScanAsync_SampleRepository_CodeFilesCarryTheNamesTheyDefine()
    {
        var path = await SampleAsync();

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        Assert.Contains("build_greeting", snapshot.Files.Single(f => f.Path == "sample_app/greeting.py").Definitions);
        Assert.Equal(["capitalize", "truncate"], snapshot.Files.Single(f => f.Path == "src/text-format.js").Definitions);
        Assert.Empty(snapshot.Files.Single(f => f.Path == "README.md").Definitions);
    }

    [Fact]
    public async Task ScanAsync_GitRepository_BranchHeadAndClean()
    {
        var path = await SampleAsync();
        var head = (await SampleRepository.GitAsync(path, CancellationToken.None, "rev-parse", "HEAD")).Trim();

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        Assert.Equal((true, SampleRepository.Branch, head, false), (snapshot.Git.IsRepository, snapshot.Git.Branch, snapshot.Git.Head, snapshot.Git.Dirty));
    }

    [Fact]
    public async Task ScanAsync_BinaryFile_SkippedAsBinary()
    {
        var path = EmptyDirectory();
        await File.WriteAllBytesAsync(Path.Combine(path, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        await File.WriteAllTextAsync(Path.Combine(path, "notes.txt"), "one\ntwo");

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        var file = Assert.Single(snapshot.Files);
        Assert.Equal(("notes.txt", 2L), (file.Path, file.Lines));
        Assert.Contains(snapshot.Stats.Skipped, s => s.Path == "logo.png" && s.Reason == "binary");
        Assert.Equal(1, snapshot.Stats.FilesSkipped);
    }

    [Fact]
    public async Task ScanAsync_SymlinkLoop_NotFollowed()
    {
        var path = EmptyDirectory();
        Directory.CreateDirectory(Path.Combine(path, "a"));
        await File.WriteAllTextAsync(Path.Combine(path, "a", "file.txt"), "x\n");
        Directory.CreateSymbolicLink(Path.Combine(path, "a", "loop"), path);
        Directory.CreateSymbolicLink(Path.Combine(path, "self"), ".");

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        Assert.Equal(["a/file.txt"], snapshot.Files.Select(f => f.Path));
        Assert.Contains(snapshot.Stats.Skipped, s => s.Path == "a/loop" && s.Reason.StartsWith("symbolic link", StringComparison.Ordinal));
        Assert.Contains(snapshot.Stats.Skipped, s => s.Path == "self");
        Assert.False(snapshot.Stats.Truncated);
    }

    [Fact]
    public async Task ScanAsync_SymlinksOutOfTheRepository_NeitherFollowedNorRead()
    {
        var path = EmptyDirectory();
        var outside = EmptyDirectory();
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.txt"), "do not read\n");
        Directory.CreateSymbolicLink(Path.Combine(path, "elsewhere"), outside);
        File.CreateSymbolicLink(Path.Combine(path, "secret.txt"), Path.Combine(outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(path, "dangling.txt"), Path.Combine(outside, "missing.txt"));

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        Assert.Empty(snapshot.Files);
        Assert.Equal(["dangling.txt", "elsewhere", "secret.txt"], snapshot.Stats.Skipped.Select(s => s.Path));
    }

    [Fact]
    public async Task ScanAsync_MoreFilesThanTheBound_TruncatedAndSaysSo()
    {
        var path = EmptyDirectory();
        for (var i = 0; i < 12; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(path, $"f{i:00}.txt"), "x\n");
        }

        var snapshot = await CreateSut(new RepositoryScanLimits { MaxFiles = 5 }).ScanAsync(path, CancellationToken.None);

        Assert.Equal(5, snapshot.Files.Count);
        Assert.True(snapshot.Stats.Truncated);
    }

    [Fact]
    public async Task ScanAsync_ExcludedDirectories_SkippedWhole()
    {
        var path = EmptyDirectory();
        foreach (var directory in (string[])["node_modules/left-pad", "obj", "src"])
        {
            Directory.CreateDirectory(Path.Combine(path, directory));
        }

        await File.WriteAllTextAsync(Path.Combine(path, "node_modules", "left-pad", "index.js"), "x\n");
        await File.WriteAllTextAsync(Path.Combine(path, "obj", "out.json"), "{}\n");
        await File.WriteAllTextAsync(Path.Combine(path, "src", "app.js"), "x\n");

        var snapshot = await CreateSut().ScanAsync(path, CancellationToken.None);

        Assert.Equal(["src/app.js"], snapshot.Files.Select(f => f.Path));
        Assert.Equal(2, snapshot.Stats.DirectoriesSkipped);
    }

    [Fact]
    public async Task ScanAsync_MissingPath_ValidationFailedNamingRepository()
    {
        var missing = Path.Combine(Path.GetTempPath(), "omoi-missing-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().ScanAsync(missing, CancellationToken.None));

        Assert.Equal(["repository"], error.Errors.Keys);
    }

    [Fact]
    public async Task ScanAsync_PathIsAFile_ValidationFailedNamingRepository()
    {
        var file = Path.Combine(EmptyDirectory(), "file.txt");
        await File.WriteAllTextAsync(file, "x");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().ScanAsync(file, CancellationToken.None));

        Assert.Contains("not a directory", error.Errors["repository"][0], StringComparison.Ordinal);
    }
}
