namespace OmoiOs.Tests.Support;

/// <summary>The real local server (<see cref="LocalServerHarness"/>, no-op agent) and the system's Chromium, per test class.</summary>
public sealed class WebViewFixture : IAsyncLifetime
{
    public LocalServerHarness Harness { get; private set; } = null!;

    public SystemChromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await LocalServerHarness.StartAsync();
        Chromium = await SystemChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
