using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmoiOs.Infrastructure.Workspaces;
using OmoiOs.Tests.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Workspaces;

public sealed class TaskWorkspacesTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TestRepository _repository = TestRepository.Create(new Dictionary<string, string> { ["a.txt"] = "a\n" });

    [Fact]
    public async Task CreateAsync_SpecBranch_SelfContainedCloneOnTaskBranch()
    {
        _repository.Git("branch", "omoi/spec");
        var sut = CreateSut();

        var workspace = await sut.CreateAsync(_repository.Path, "omoi/spec", "omoi/spec-tasks/t1", "spec/t1", CancellationToken.None);
        try
        {
            var clone = new TestRepository2(workspace.Path);
            Assert.True(Directory.Exists(Path.Combine(workspace.Path, ".git")), ".git must be a directory inside the workspace");
            Assert.Equal("refs/heads/omoi/spec-tasks/t1", clone.Git("symbolic-ref", "HEAD"));
            Assert.Equal(_repository.Git("rev-parse", "omoi/spec"), workspace.BaseCommit);
            Assert.Equal("", clone.Git("remote"));
            Directory.CreateDirectory(Path.Combine(workspace.Path, TaskWorkspaces.ControlDirectory));
            File.WriteAllText(Path.Combine(workspace.Path, TaskWorkspaces.ControlDirectory, "prompt.md"), "x");
            Assert.Equal("", clone.Git("status", "--porcelain"));
        }
        finally
        {
            await sut.DeleteAsync(workspace, CancellationToken.None);
        }

        Assert.False(Directory.Exists(workspace.Path));
        Assert.DoesNotContain(workspace.Path, File.ReadAllText("/proc/self/mountinfo"));
    }

    [Fact]
    public async Task CreateAsync_LeftoverFromCrashedRun_StartsClean()
    {
        _repository.Git("branch", "omoi/spec");
        var sut = CreateSut();
        var first = await sut.CreateAsync(_repository.Path, "omoi/spec", "t", "spec/t", CancellationToken.None);
        File.WriteAllText(Path.Combine(first.Path, "stale.txt"), "from the crash");

        var second = await sut.CreateAsync(_repository.Path, "omoi/spec", "t", "spec/t", CancellationToken.None);
        await sut.DeleteAsync(second, CancellationToken.None);

        Assert.Equal(first.Path, second.Path);
        Assert.False(Directory.Exists(second.Path));
    }

    private TaskWorkspaces CreateSut() =>
        new(Options.Create(SandboxTestOptions.Small(_root.Path)), NullLogger<TaskWorkspaces>.Instance);

    public void Dispose()
    {
        _repository.Dispose();
        _root.Dispose();
    }

    private sealed class TestRepository2(string path)
    {
        public string Git(params string[] arguments)
        {
            var startInfo = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, WorkingDirectory = path };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
    }
}
