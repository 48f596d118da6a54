using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Repositories;

public sealed class GitRepositoryLocatorTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("omoi-locator-").FullName;

    private GitRepositoryLocator CreateSut() => new(Options.Create(new DataDirectoryOptions { DataDirectory = _dataDirectory }));

    [Fact]
    public async Task GetLocalPathAsync_LocalDirectory_IsUsedWhereItIs()
    {
        var repository = await SampleRepository.CreateAsync();

        Assert.Equal(repository, await CreateSut().GetLocalPathAsync(repository, CancellationToken.None));
    }

    [Fact]
    public async Task GetLocalPathAsync_GitUrl_ClonesOnceAndReusesTheClone()
    {
        var url = "file://" + await SampleRepository.CreateAsync();

        var first = await CreateSut().GetLocalPathAsync(url, CancellationToken.None);
        var second = await CreateSut().GetLocalPathAsync(url, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.StartsWith(_dataDirectory, first, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(first, "README.md")));
    }

    [Theory]
    [InlineData("/no/such/directory")]
    [InlineData("file:///no/such/repository.git")]
    public async Task GetLocalPathAsync_NothingThere_FailsNamingRepository(string repository)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GetLocalPathAsync(repository, CancellationToken.None));

        Assert.Contains("repository", error.Errors.Keys);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
