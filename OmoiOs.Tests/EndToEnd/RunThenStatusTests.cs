using System.Text.RegularExpressions;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>
/// The real <c>omoi run</c>, then the real <c>omoi status</c> from another directory: the status shows the state the run
/// ended in (issue 12 found a completed spec shown as still executing after the old exit killed Azurite).
/// </summary>
[Collection(AzuriteGroup.Name)]
[Trait("Category", "Faults")]
public sealed partial class RunThenStatusTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("omoi-run-status-").FullName;
    private string _repository = "";

    public async Task InitializeAsync() => _repository = await SampleRepository.CreateAsync();

    public Task DisposeAsync()
    {
        LocalServerHarness.DeleteQuietly(_repository);
        LocalServerHarness.DeleteQuietly(_root);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OmoiRun_ThenStatusFromAnotherDirectory_ShowsTheFinalState()
    {
        var settings = LocalServerHarness.Settings("RunStatus" + Guid.NewGuid().ToString("N")[..12], LocalServerHarness.NoOpAgent, _root);
        var specFile = Path.Combine(AppContext.BaseDirectory, "Samples", "specs", "greeting-feature.md");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;

        var run = await OmoiCliProcess.RunAsync(settings, _repository, "run", specFile, "--repo", _repository);
        var specId = SpecId().Match(run.Output).Value;
        var status = await OmoiCliProcess.RunAsync(settings, elsewhere, "status", specId);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"{specId} completed in", run.Output, StringComparison.Ordinal);
        // The line after the title: status, phase, progress and task counts, as the records hold them now.
        var state = status.Output.Split('\n')[1].Trim();
        Assert.Equal("completed · phase complete · 100% · tasks 7/7 done, 0 running, 0 failed, 0 blocked", state);
        using var invariants = new RunInvariants(settings["OMOI_STORAGE"]!, settings["OMOI_TABLE_PREFIX"]!);
        var violations = await invariants.ViolationsAsync([specId]);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [GeneratedRegex("spec-[0-9a-f]{12}")]
    private static partial Regex SpecId();
}
