namespace OmoiOs.Tests.Support;

/// <summary>One <see cref="LocalServerHarness"/> per test class (its own tables), with the no-op agent.</summary>
public sealed class LocalServerFixture : IAsyncLifetime
{
    public LocalServerHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await LocalServerHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
