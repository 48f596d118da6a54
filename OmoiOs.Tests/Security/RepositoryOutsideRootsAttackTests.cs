using System.Net;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: point a spec at a directory outside the operator's repository roots (the host's /etc, /root, another user's
/// checkout), directly, through <c>..</c>, or through a symbolic link inside a root. Each is refused on
/// <c>repository</c> before anything is read.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RepositoryOutsideRootsAttackTests(NarrowRootsServer fixture) : IClassFixture<NarrowRootsServer>, IDisposable
{
    private readonly FunctionsServices _functions = new();

    private LocalServerHarness Server => fixture.Harness;

    [Fact]
    public async Task PostSpec_InsideTheRoot_Accepted()
    {
        using var response = await Server.Client.PostAsync("specs", RepositorySpecs.Body(fixture.Inside));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PostSpec_OutsideTheRoots_400NamingRepository()
    {
        var link = Path.Combine(fixture.Root, "link-out");
        if (!Directory.Exists(link))
        {
            Directory.CreateSymbolicLink(link, fixture.Outside);
        }

        foreach (var repository in new[] { "/etc", "/root", "/", fixture.Outside, fixture.Secret.Directory, fixture.Root + "/../" + Path.GetFileName(fixture.Outside), fixture.Root + "-evil", link, "relative/path" })
        {
            fixture.Secret.AssertNotIn(await RepositorySpecs.AssertRefusedAsync(Server, repository));
        }
    }

    [Fact]
    public async Task CreateTrigger_OutsideTheRoots_400NamingRepository()
    {
        foreach (var repository in new[] { "/etc", "/root", "/proc/self", "/tmp/../etc" })
        {
            await RepositorySpecs.AssertTriggerRefusesAsync(_functions, repository);
        }
    }

    public void Dispose() => _functions.Dispose();
}
