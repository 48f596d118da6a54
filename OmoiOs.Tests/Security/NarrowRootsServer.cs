using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// A local server whose only repository root is a folder of its own (<c>OMOI_REPOSITORY_ROOTS</c>), holding a git copy
/// of the sample app (<see cref="Inside"/>); beside it a repository outside the root and a host secret.
/// </summary>
public sealed class NarrowRootsServer : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("omoi-roots-").FullName;

    public LocalServerHarness Harness { get; private set; } = null!;

    public HostSecret Secret { get; } = new();

    /// <summary>A repository inside the root.</summary>
    public string Inside => Path.Combine(Root, "app");

    /// <summary>A repository outside the root.</summary>
    public string Outside { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Harness = await LocalServerHarness.StartAsync(settings: new Dictionary<string, string?> { ["OMOI_REPOSITORY_ROOTS"] = Root });
        Directory.Move(await SampleRepository.CreateAsync(), Inside);
        Outside = await SampleRepository.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        LocalServerHarness.DeleteQuietly(Root);
        LocalServerHarness.DeleteQuietly(Outside);
        Secret.Dispose();
    }
}
