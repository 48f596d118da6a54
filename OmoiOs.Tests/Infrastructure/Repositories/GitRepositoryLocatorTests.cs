using Microsoft.Extensions.Options;
using OmoiOs.Core.Application;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Infrastructure.Workspaces;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Repositories;

public sealed class GitRepositoryLocatorTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("omoi-locator-").FullName;
    private readonly string _roots = Directory.CreateTempSubdirectory("omoi-roots-").FullName;

    private GitRepositoryLocator CreateSut() =>
        new(Options.Create(new DataDirectoryOptions { DataDirectory = _dataDirectory }), new RepositoryOptions { Roots = _roots }.Policy());

    [Fact]
    public async Task GetLocalPathAsync_LocalDirectoryUnderARoot_IsUsedWhereItIs()
    {
        var repository = Path.Combine(_roots, "app");
        Directory.CreateDirectory(repository);

        Assert.Equal(repository, await CreateSut().GetLocalPathAsync(repository, CancellationToken.None));
    }

    [Fact]
    public async Task GetLocalPathAsync_LocalDirectoryOutsideTheRoots_FailsNamingRepository()
    {
        var outside = await SampleRepository.CreateAsync();
        try
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GetLocalPathAsync(outside, CancellationToken.None));

            Assert.Equal([RepositoryPolicy.Field], error.Errors.Keys);
        }
        finally
        {
            SampleRepository.Delete(outside);
        }
    }

    [Fact]
    public async Task GetLocalPathAsync_LinkUnderARootLeadingOut_FailsOnItsRealPath()
    {
        var outside = Directory.CreateTempSubdirectory("omoi-outside-").FullName;
        var link = Path.Combine(_roots, "innocent");
        Directory.CreateSymbolicLink(link, outside);
        try
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GetLocalPathAsync(link, CancellationToken.None));

            Assert.Contains(outside, error.Errors[RepositoryPolicy.Field][0]);
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    [Fact]
    public async Task GetLocalPathAsync_SshUrl_ClonesOnceAndReusesTheClone()
    {
        var origin = await SampleRepository.CreateAsync();
        try
        {
            var url = FakeSsh.UrlOf(origin);

            var first = await CreateSut().GetLocalPathAsync(url, CancellationToken.None);
            var second = await CreateSut().GetLocalPathAsync(url, CancellationToken.None);

            Assert.Equal(first, second);
            Assert.StartsWith(_dataDirectory, first, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(first, "README.md")));
        }
        finally
        {
            SampleRepository.Delete(origin);
        }
    }

    [Theory]
    [InlineData("file:///etc")]
    [InlineData("ext::sh -c cat% /etc/passwd")]
    public async Task GetLocalPathAsync_ForbiddenTransport_RefusedBeforeGitRuns(string url)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GetLocalPathAsync(url, CancellationToken.None));

        Assert.Equal([RepositoryPolicy.Field], error.Errors.Keys);
        Assert.False(Directory.Exists(Path.Combine(_dataDirectory, "repos")));
    }

    [Theory]
    [InlineData("file://{0}")]
    [InlineData("ext::sh -c cp% -r% {0}% %S")]
    public async Task CloneConfiguration_GitItselfRefusesFileAndExtTransports(string urlFormat)
    {
        var origin = await SampleRepository.CreateAsync();
        try
        {
            var target = Path.Combine(_dataDirectory, "direct");
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, urlFormat, origin);

            var error = await Assert.ThrowsAsync<WorkspaceFailedException>(() => Git.RunAsync(_dataDirectory, [.. GitRepositoryLocator.CloneConfiguration, "clone", "--quiet", "--", url, target], CancellationToken.None));

            Assert.Contains("not allowed", error.Message);
            Assert.False(File.Exists(Path.Combine(target, "README.md")));
        }
        finally
        {
            SampleRepository.Delete(origin);
        }
    }

    [Fact]
    public async Task GetLocalPathAsync_NothingThere_FailsNamingRepository()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GetLocalPathAsync(Path.Combine(_roots, "missing"), CancellationToken.None));

        Assert.Contains("does not exist", error.Errors[RepositoryPolicy.Field][0]);
    }

    public void Dispose()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        Directory.Delete(_roots, recursive: true);
    }
}
