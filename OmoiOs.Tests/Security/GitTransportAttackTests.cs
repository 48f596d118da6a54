using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: a repository URL whose transport reads the host's files (<c>file://</c>) or runs a command (<c>ext::</c>, an
/// ssh host that is an option). Only https and ssh URLs are accepted, and git itself is told to refuse the rest.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class GitTransportAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly HostSecret _secret = new();
    private readonly FunctionsServices _functions = new();

    private LocalServerHarness Server => fixture.Harness;

    private string Pwned => Path.Combine(_secret.Directory, "pwned");

    private IEnumerable<string> Urls =>
    [
        "file:///etc",
        "file://" + Server.Repository,
        "FILE://" + _secret.Directory,
        $"ext::sh -c touch% {Pwned}",
        $"ext::sh -c 'touch {Pwned}'",
        "fd::0",
        "git://127.0.0.1/repo.git",
        "http://127.0.0.1:9/repo.git",
        $"ssh://-oProxyCommand=touch%20{Pwned}/repo",
        $"-oProxyCommand=touch {Pwned}:repo",
    ];

    [Fact]
    public async Task PostSpec_ForbiddenTransport_400NamingRepositoryNothingRunNothingStored()
    {
        foreach (var url in Urls)
        {
            var body = await RepositorySpecs.AssertRefusedAsync(Server, url);

            _secret.AssertNotIn(body);
            Assert.False(File.Exists(Pwned), url);
        }
    }

    [Fact]
    public async Task CreateTrigger_ForbiddenTransport_400NamingRepositoryNothingRunNothingStored()
    {
        foreach (var url in Urls)
        {
            _secret.AssertNotIn(await RepositorySpecs.AssertTriggerRefusesAsync(_functions, url));
            Assert.False(File.Exists(Pwned), url);
        }
    }

    public void Dispose()
    {
        _secret.Dispose();
        _functions.Dispose();
    }
}
