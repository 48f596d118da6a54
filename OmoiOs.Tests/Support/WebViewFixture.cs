namespace OmoiOs.Tests.Support;

/// <summary>
/// The real local server (<see cref="LocalServerHarness"/>, no-op agent by default, plus the agents the page's tests name) and the
/// system's Chromium, per test class.
/// </summary>
public sealed class WebViewFixture : IAsyncLifetime
{
    /// <summary>An agent that takes a second per task, so the page can be watched while tasks run.</summary>
    public const string SlowAgent = "slow";

    /// <summary>An agent that fails every task with a recognisable error.</summary>
    public const string FailingAgent = "failing";

    public const string FailingAgentError = "greeting.py:3: NameError: name is not defined";

    public LocalServerHarness Harness { get; private set; } = null!;

    public SystemChromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await LocalServerHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"OMOI_AGENTS:{SlowAgent}"] = "sleep 1",
            [$"OMOI_AGENTS:{FailingAgent}"] = $"echo '{FailingAgentError}' >&2; exit 3",
        });
        Chromium = await SystemChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
