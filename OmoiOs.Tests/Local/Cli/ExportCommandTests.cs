using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Cli;

/// <summary>The real <c>omoi export</c> process on a planned spec's records in Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ExportCommandTests : IDisposable
{
    private readonly ServicesHarness _services = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "omoi-export-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Export_PlannedSpec_PrintsThePathOfEveryFileItWrote()
    {
        var spec = await _services.Get<ISpecRepository>().CreateAsync(TestRecords.Spec(), CancellationToken.None);
        await PlanBuilder.StoreAsync(_services.Get<ILargeTextStore>(), spec.Id, PlanBuilder.Requirements(2), PlanBuilder.Tasks(3, 2));
        Assert.True((await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None)).ReadyForExecution);
        var output = Path.Combine(_root, "out");
        Directory.CreateDirectory(_root);

        var (exitCode, printed) = await OmoiCliProcess.RunAsync(Settings(), _root, "export", spec.Id, "--format", "speckit", "--out", output);

        Assert.True(exitCode == 0, printed);
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, written.Count);
        Assert.Equal(written, printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    // omoi export runs no agent; the settings point the process at this test's tables and a data home of its own.
    private Dictionary<string, string?> Settings() => LocalServerHarness.Settings(_services.TablePrefix, LocalServerHarness.NoOpAgent, _root);

    public void Dispose()
    {
        _services.Dispose();
        LocalServerHarness.DeleteQuietly(_root);
    }
}
