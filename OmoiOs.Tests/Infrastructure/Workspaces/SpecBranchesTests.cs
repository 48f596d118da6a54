using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Tests.Infrastructure.Workspaces;

public sealed class SpecBranchesTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create(new Dictionary<string, string> { ["a.txt"] = "one\ntwo\n" });

    [Fact]
    public async Task EnsureSpecBranchAsync_FirstUse_CreatedAtHeadWithoutTouchingCheckout()
    {
        var before = _repository.CheckoutState();

        var tip = await SpecBranches.EnsureSpecBranchAsync(_repository.Path, "omoi/spec-x", CancellationToken.None);
        _repository.Git("commit", "--allow-empty", "-q", "-m", "later");
        var again = await SpecBranches.EnsureSpecBranchAsync(_repository.Path, "omoi/spec-x", CancellationToken.None);

        Assert.Equal(_repository.Git("rev-parse", "HEAD~1"), tip);
        Assert.Equal(tip, again);
        Assert.Equal(before.Split('\n')[1], _repository.Git("symbolic-ref", "HEAD"));
    }

    [Fact]
    public async Task MergeAsync_Clean_MergeCommitOnSpecBranchAndCheckoutUntouched()
    {
        await SpecBranches.EnsureSpecBranchAsync(_repository.Path, "spec", CancellationToken.None);
        Commit("task", "b.txt", "b\n");
        var before = _repository.CheckoutState();

        var outcome = await SpecBranches.MergeAsync(_repository.Path, "spec", "task", "Merge task", CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(outcome.Commit, _repository.Git("rev-parse", "spec"));
        Assert.Equal("b\n", _repository.Show("spec", "b.txt"));
        Assert.Equal(before, _repository.CheckoutState());
        Assert.Equal(outcome.Commit, await SpecBranches.FindMergeAsync(_repository.Path, "spec", "task", CancellationToken.None));
    }

    [Fact]
    public async Task MergeAsync_SameLinesChanged_ConflictNamesFileAndSpecBranchUnchanged()
    {
        await SpecBranches.EnsureSpecBranchAsync(_repository.Path, "spec", CancellationToken.None);
        Commit("task", "a.txt", "one\nTASK\n");
        Commit("spec", "a.txt", "one\nSPEC\n");
        var specTip = _repository.Git("rev-parse", "spec");

        var outcome = await SpecBranches.MergeAsync(_repository.Path, "spec", "task", "Merge task", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["a.txt"], outcome.ConflictedFiles);
        Assert.Equal(specTip, _repository.Git("rev-parse", "spec"));
        Assert.Null(await SpecBranches.FindMergeAsync(_repository.Path, "spec", "task", CancellationToken.None));
    }

    // Commits on a branch without checking it out, the way a user's other tools might.
    private void Commit(string branch, string path, string content)
    {
        if (_repository.TryGit("rev-parse", "--verify", "--quiet", branch).ExitCode != 0)
        {
            _repository.Git("branch", branch, "main");
        }

        var blob = HashObject(content);
        var index = Path.Combine(_repository.Path, ".git", $"scratch-{Guid.NewGuid():N}");
        try
        {
            _repository.GitWithIndex(index, "read-tree", branch);
            _repository.GitWithIndex(index, "update-index", "--add", "--cacheinfo", $"100644,{blob},{path}");
            var tree = _repository.GitWithIndex(index, "write-tree");
            var commit = _repository.Git("commit-tree", tree, "-p", branch, "-m", $"{branch}: {path}");
            _repository.Git("update-ref", $"refs/heads/{branch}", commit);
        }
        finally
        {
            File.Delete(index);
        }
    }

    private string HashObject(string content)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, content);
        try
        {
            return _repository.Git("hash-object", "-w", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose() => _repository.Dispose();
}
