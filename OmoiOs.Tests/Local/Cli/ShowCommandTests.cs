using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Cli;

/// <summary>The real <c>omoi show</c> process on a spec whose plan waits for review in Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ShowCommandTests : IDisposable
{
    private readonly ServicesHarness _services = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "omoi-show-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Show_RequirementsWhileTheirGateWaits_PrintsTheDraftAndHowToApproveOrRejectIt()
    {
        var spec = await StoreDraftAsync(s => s with { Status = SpecStatus.AwaitingApproval, PendingApproval = ApprovalGate.Requirements });

        var (exitCode, printed) = await OmoiCliProcess.RunAsync(Settings(), _root, "show", spec.Id, "requirements");

        Assert.True(exitCode == 0, printed);
        Assert.Contains($"the requirements of {spec.Id} are a DRAFT waiting for your approval", printed, StringComparison.Ordinal);
        Assert.Contains($"omoi approve {spec.Id} --gate requirements --reject", printed, StringComparison.Ordinal);
        Assert.Contains("### Requirement 1: Greeting 1", printed, StringComparison.Ordinal);
        Assert.Contains("### Requirement 2: Greeting 2", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_TasksBeforeSync_PrintsTheDraftTasksByTheirKeys()
    {
        var spec = await StoreDraftAsync(s => s with { Status = SpecStatus.Planning, CurrentPhase = SpecPhase.Tasks });

        var (exitCode, printed) = await OmoiCliProcess.RunAsync(Settings(), _root, "show", spec.Id, "tasks");

        Assert.True(exitCode == 0, printed);
        Assert.Contains("a DRAFT: planning has not finished (planning, tasks)", printed, StringComparison.Ordinal);
        Assert.Contains("Task 3", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownDocument_ExitsNonZeroNamingTheAllowedOnes()
    {
        Directory.CreateDirectory(_root);

        var (exitCode, printed) = await OmoiCliProcess.RunAsync(Settings(), _root, "show", TestRecords.NewSpecId(), "plan");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("requirements", printed, StringComparison.Ordinal);
    }

    private async Task<Spec> StoreDraftAsync(Func<Spec, Spec> state)
    {
        var spec = await _services.Get<ISpecRepository>().CreateAsync(state(TestRecords.Spec()), CancellationToken.None);
        await PlanBuilder.StoreAsync(_services.Get<ILargeTextStore>(), spec.Id, PlanBuilder.Requirements(2), PlanBuilder.Tasks(3, 2));
        Directory.CreateDirectory(_root);
        return spec;
    }

    private Dictionary<string, string?> Settings() => LocalServerHarness.Settings(_services.TablePrefix, LocalServerHarness.NoOpAgent, _root);

    public void Dispose()
    {
        _services.Dispose();
        LocalServerHarness.DeleteQuietly(_root);
    }
}
