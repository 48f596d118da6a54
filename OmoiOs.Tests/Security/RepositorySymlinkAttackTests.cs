using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Infrastructure.Workspaces;
using OmoiOs.Tests.Infrastructure.Sandboxes;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: a repository inside a root whose committed symbolic links point at the host's files, so that the EXPLORE scan,
/// the task workspace clone, a remote clone or a check command read them out. The scan never follows a link, clones keep
/// links as links, the sandbox cannot see the targets, and git refuses a local clone whose object store links out.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RepositorySymlinkAttackTests(NarrowRootsServer fixture) : IClassFixture<NarrowRootsServer>, IDisposable
{
    private readonly TempDirectory _scratch = new();

    private HostSecret Secret => fixture.Secret;

    [Fact]
    public async Task RunSpec_LinksToHostFiles_NoRouteServesTheirContent()
    {
        var repository = await LinkedRepositoryAsync("run");
        var check = "cat notes.md leak/secret.txt; ls leak; exit 1";
        using var created = await fixture.Harness.Client.PostAsync("specs", RepositorySpecs.Body(repository, new { checkCommand = check, maxRetries = 0, maxParallelTasks = 4 }));
        var id = (await LocalServerHarness.ReadJsonAsync(created)).GetProperty("id").GetString()!;
        await fixture.Harness.ExecuteAsync(id);
        await fixture.Harness.WaitForStatusAsync(id, "failed", "completed");

        var everything = await HostPathAgentAttackTests.EverythingServedAboutAsync(fixture.Harness, id);

        Assert.Contains("No such file or directory", everything, StringComparison.Ordinal);
        Secret.AssertNotIn(everything);
    }

    [Fact]
    public async Task Scan_LinksToHostFiles_ListedAsSkippedNeverRead()
    {
        var repository = await LinkedRepositoryAsync("scan");
        var limits = new RepositoryScanLimits();

        var snapshot = await new RepositoryScanner(new FakeTimeProvider(), limits, new GitStateReader(limits)).ScanAsync(repository, CancellationToken.None);

        Secret.AssertNotIn(JsonSerializer.Serialize(snapshot));
        Assert.Contains(snapshot.Stats.Skipped, s => s.Path == "notes.md");
        Assert.Contains(snapshot.Stats.Skipped, s => s.Path.StartsWith("leak", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkspaceClone_LinksToHostFiles_StayLinksTheTargetsAreNotCopied()
    {
        var repository = await LinkedRepositoryAsync("workspace");
        await SampleRepository.GitAsync(repository, CancellationToken.None, "branch", "omoi/spec-attack");

        var workspaces = Workspaces();
        var workspace = await workspaces.CreateAsync(repository, "omoi/spec-attack", "omoi/spec-attack-tasks/tsk-001", "attack", CancellationToken.None);
        try
        {
            Assert.Equal(Secret.Path, new FileInfo(Path.Combine(workspace.Path, "notes.md")).LinkTarget);
            Assert.Equal(Secret.Directory, new DirectoryInfo(Path.Combine(workspace.Path, "leak")).LinkTarget);
            AssertNoFileHolds(workspace.Path);
        }
        finally
        {
            await workspaces.DeleteAsync(workspace, CancellationToken.None);
        }
    }

    [Fact]
    public async Task RemoteClone_LinksToHostFiles_StayLinksTheTargetsAreNotCopied()
    {
        var repository = await LinkedRepositoryAsync("remote");
        var locator = new GitRepositoryLocator(Options.Create(new DataDirectoryOptions { DataDirectory = _scratch.Combine("data") }), new RepositoryOptions().Policy());

        var clone = await locator.GetLocalPathAsync(FakeSsh.UrlOf(repository), CancellationToken.None);

        Assert.Equal(Secret.Path, new FileInfo(Path.Combine(clone, "notes.md")).LinkTarget);
        AssertNoFileHolds(clone);
    }

    [Fact]
    public async Task WorkspaceClone_ObjectStoreLinkedOutOfTheRepository_Refused()
    {
        var repository = await LinkedRepositoryAsync("objects");
        await SampleRepository.GitAsync(repository, CancellationToken.None, "branch", "omoi/spec-objects");
        var objects = Path.Combine(repository, ".git", "objects");
        var fanOut = Directory.EnumerateDirectories(objects).First(d => Path.GetFileName(d).Length == 2);
        var moved = _scratch.Combine("moved-" + Path.GetFileName(fanOut));
        Directory.Move(fanOut, moved);
        Directory.CreateSymbolicLink(fanOut, moved);

        var error = await Assert.ThrowsAsync<WorkspaceFailedException>(() => Workspaces().CreateAsync(repository, "omoi/spec-objects", "omoi/spec-objects-tasks/tsk-001", "objects", CancellationToken.None));

        Assert.Contains("symlink", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A git copy of the sample app inside the root with committed links to the secret, its folder and the host's passwd.</summary>
    private async Task<string> LinkedRepositoryAsync(string name)
    {
        var repository = Path.Combine(fixture.Root, name);
        Directory.Move(await SampleRepository.CreateAsync(), repository);
        File.CreateSymbolicLink(Path.Combine(repository, "notes.md"), Secret.Path);
        Directory.CreateSymbolicLink(Path.Combine(repository, "leak"), Secret.Directory);
        File.CreateSymbolicLink(Path.Combine(repository, "users.txt"), "/etc/passwd");
        await SampleRepository.GitAsync(repository, CancellationToken.None, "add", "-A");
        await SampleRepository.GitAsync(repository, CancellationToken.None, "commit", "-q", "-m", "links");
        return repository;
    }

    private TaskWorkspaces Workspaces() =>
        new(Options.Create(SandboxTestOptions.Small(_scratch.Combine("workspaces"))), NullLogger<TaskWorkspaces>.Instance);

    /// <summary>Reads every regular file under <paramref name="directory"/> (links are not followed) and checks none holds the secret.</summary>
    private void AssertNoFileHolds(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(directory, "*", options))
        {
            Secret.AssertNotIn(File.ReadAllText(file));
        }
    }

    public void Dispose() => _scratch.Dispose();
}
