using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class GitStateReaderTests : IDisposable
{
    private readonly List<string> _directories = [];

    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            SampleRepository.Delete(directory);
        }
    }

    private static GitStateReader CreateSut() => new(new RepositoryScanLimits());

    private async Task<string> SampleAsync(bool git)
    {
        var path = await SampleRepository.CreateAsync(git);
        _directories.Add(path);
        return path;
    }

    [Fact]
    public async Task ReadAsync_UncommittedChange_Dirty()
    {
        var path = await SampleAsync(git: true);
        await File.AppendAllTextAsync(Path.Combine(path, "README.md"), "\nMore.\n");

        var state = await CreateSut().ReadAsync(path, CancellationToken.None);

        Assert.True(state.IsRepository);
        Assert.True(state.Dirty);
    }

    [Fact]
    public async Task ReadAsync_NotARepository_EmptyState()
    {
        var path = await SampleAsync(git: false);

        var state = await CreateSut().ReadAsync(path, CancellationToken.None);

        Assert.Equal((false, null, null, false), (state.IsRepository, state.Branch, state.Head, state.Dirty));
    }

    [Fact]
    public async Task ReadAsync_RepositoryWithoutCommits_BranchButNoHead()
    {
        var path = await SampleAsync(git: false);
        await SampleRepository.GitAsync(path, CancellationToken.None, "init", "-q", "-b", "trunk");

        var state = await CreateSut().ReadAsync(path, CancellationToken.None);

        Assert.Equal((true, "trunk", null, true), (state.IsRepository, state.Branch, state.Head, state.Dirty));
    }
}
