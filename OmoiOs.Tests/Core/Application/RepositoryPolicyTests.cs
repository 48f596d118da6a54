using OmoiOs.Core.Application;
using OmoiOs.Core.Errors;

namespace OmoiOs.Tests.Core.Application;

public sealed class RepositoryPolicyTests
{
    private static RepositoryPolicy CreateSut() => new(["/srv/repos", "/home/dev/work/"]);

    [Theory]
    [InlineData("/srv/repos")]
    [InlineData("/srv/repos/app")]
    [InlineData("/home/dev/work/a/b/../c")]
    [InlineData("https://github.com/org/app.git")]
    [InlineData("https://token@github.example.com:8443/org/app")]
    [InlineData("ssh://git@github.com/org/app.git")]
    [InlineData("git@github.com:org/app.git")]
    [InlineData("github.com:org/app.git")]
    public void CheckAddress_Allowed_Passes(string repository) => CreateSut().CheckAddress(repository);

    [Theory]
    [InlineData("/srv/repos-evil", "outside")]
    [InlineData("/srv/repos/../../etc", "outside")]
    [InlineData("/root", "outside")]
    [InlineData("relative/path", "absolute local path")]
    [InlineData("file:///srv/repos/app", "'file' scheme")]
    [InlineData("FILE:///etc", "'file' scheme")]
    [InlineData("git://github.com/org/app.git", "'git' scheme")]
    [InlineData("http://github.com/org/app.git", "'http' scheme")]
    [InlineData("ext::sh -c touch% /tmp/pwned", "'ext::'")]
    [InlineData("fd::17", "'fd::'")]
    [InlineData("https::https://github.com/org/app", "'https::'")]
    [InlineData("ssh://-oProxyCommand=touch /tmp/pwned/x", "spaces")]
    [InlineData("ssh://-oProxyCommand=id/x", "not a valid")]
    [InlineData("-oProxyCommand=id:x", "absolute local path")]
    [InlineData("https://github.com/org/app\n.git", "control characters")]
    public void CheckAddress_Refused_FailsOnRepositorySayingWhy(string repository, string why)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CreateSut().CheckAddress(repository));

        Assert.Equal([RepositoryPolicy.Field], error.Errors.Keys);
        Assert.Contains(why, error.Errors[RepositoryPolicy.Field][0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CheckAddress_NoRootsConfigured_LocalPathsRefusedUrlsAllowed()
    {
        var sut = new RepositoryPolicy([]);

        Assert.Contains("OMOI_REPOSITORY_ROOTS", Assert.Throws<ValidationFailedException>(() => sut.CheckAddress("/srv/repos/app")).Message);
        sut.CheckAddress("https://github.com/org/app.git");
    }
}
