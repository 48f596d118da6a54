using System.Text.Json;

namespace OmoiOs.Tests.Support;

/// <summary>
/// A local server of its own with the bundled example agent, and the example spec run through it to completion
/// over HTTP: the records every read endpoint serves.
/// </summary>
public sealed class CompletedSpecFixture : IAsyncLifetime
{
    public LocalServerHarness Harness { get; private set; } = null!;

    public JsonElement Spec { get; private set; }

    public string SpecId => Spec.GetProperty("id").GetString()!;

    public async Task InitializeAsync()
    {
        Harness = await LocalServerHarness.StartAsync(agent: "example");
        var created = await Harness.CreateSpecAsync();
        var id = created.GetProperty("id").GetString()!;
        await Harness.ExecuteAsync(id);
        Spec = await Harness.WaitForStatusAsync(id, "completed", "failed", "cancelled");
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
