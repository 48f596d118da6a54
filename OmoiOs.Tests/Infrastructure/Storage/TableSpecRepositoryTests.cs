using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableSpecRepositoryTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private ISpecRepository Specs => _storage.Get<ISpecRepository>();

    private ISpecEventRepository Events => _storage.Get<ISpecEventRepository>();

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsEveryField()
    {
        var spec = TestRecords.Spec() with
        {
            Options = new SpecOptions { Planner = "openai", RequireApproval = [ApprovalGate.Design], MaxParallelTasks = 7, BudgetUsd = 12.34m },
            CostUsd = 0.0123456789m,
            PendingApproval = ApprovalGate.Design,
            PhaseAttempts = new Dictionary<string, int> { ["requirements"] = 2 },
        };

        await Specs.CreateAsync(spec, CancellationToken.None);
        var stored = await Specs.GetAsync(spec.Id, CancellationToken.None);

        Assert.Equal(spec with { Version = stored.Version, Options = stored.Options, PhaseAttempts = stored.PhaseAttempts }, stored);
        Assert.Equal([ApprovalGate.Design], stored.Options.RequireApproval);
        Assert.Equal(12.34m, stored.Options.BudgetUsd);
        Assert.Equal(2, stored.PhaseAttempts["requirements"]);
        Assert.NotNull(stored.Version);
    }

    [Fact]
    public async Task CreateAsync_Twice_StoresOneSpecAndOneEvent()
    {
        var spec = TestRecords.Spec();

        await Specs.CreateAsync(spec, CancellationToken.None);
        await Specs.CreateAsync(spec with { Title = "changed" }, CancellationToken.None);

        Assert.Equal("Add a greeting", (await Specs.GetAsync(spec.Id, CancellationToken.None)).Title);
        var events = await Events.ListAsync(spec.Id, 0, 100, CancellationToken.None);
        Assert.Equal([SpecEventTypes.SpecCreated], events.Select(e => e.Type));
    }

    [Fact]
    public async Task GetAsync_UnknownOrMalformedId_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Specs.GetAsync(TestRecords.NewSpecId(), CancellationToken.None));
        var error = await Assert.ThrowsAsync<NotFoundException>(() => Specs.GetAsync("nonsense", CancellationToken.None));
        Assert.Equal("nonsense", error.Id);
    }

    [Fact]
    public async Task UpdateAsync_LegalTransition_WritesTheChangeAndItsEventTogether()
    {
        var spec = await Specs.CreateAsync(TestRecords.Spec(), CancellationToken.None);

        var updated = await Specs.UpdateAsync(
            spec.Id,
            s => s with { Status = SpecStatus.Planning, CurrentPhase = SpecPhase.Requirements },
            (before, after) => [SpecEventDraft.ForSpec(after.Id, SpecEventTypes.StatusChanged, new() { ["from"] = before.Status.ToString() })],
            CancellationToken.None);

        Assert.Equal(SpecStatus.Planning, (await Specs.GetAsync(spec.Id, CancellationToken.None)).Status);
        Assert.Equal(SpecPhase.Requirements, updated.CurrentPhase);
        var events = await Events.ListAsync(spec.Id, 0, 100, CancellationToken.None);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        Assert.Equal(SpecEventTypes.StatusChanged, events[1].Type);
    }

    [Fact]
    public async Task UpdateAsync_IllegalTransition_ThrowsAndChangesNothing()
    {
        var spec = await Specs.CreateAsync(TestRecords.Spec(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            Specs.UpdateAsync(spec.Id, s => s with { Status = SpecStatus.Completed, Progress = 100 }, null, CancellationToken.None));

        Assert.Equal(("draft", "completed"), (error.From, error.To));
        var stored = await Specs.GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal((SpecStatus.Draft, 0), (stored.Status, stored.Progress));
        Assert.Single(await Events.ListAsync(spec.Id, 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentWritersInTwoProcesses_LoseNoChange()
    {
        var spec = await Specs.CreateAsync(TestRecords.Spec(), CancellationToken.None);
        using var other = _storage.SecondProcess();
        var otherSpecs = other.Get<ISpecRepository>();

        var writes = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? Specs : otherSpecs).UpdateAsync(
            spec.Id,
            s => s with { CostUsd = s.CostUsd + 1m },
            (_, after) => [SpecEventDraft.ForSpec(after.Id, "cost_added")],
            CancellationToken.None));
        await Task.WhenAll(writes);

        Assert.Equal(20m, (await Specs.GetAsync(spec.Id, CancellationToken.None)).CostUsd);
        var sequences = (await Events.ListAsync(spec.Id, 0, 100, CancellationToken.None)).Select(e => e.Sequence);
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task UpdateAsync_RecordChangedOnEveryAttempt_ReportsAConflictInsteadOfOverwriting()
    {
        var spec = await Specs.CreateAsync(TestRecords.Spec(), CancellationToken.None);
        using var other = _storage.SecondProcess();
        var rival = other.Get<ISpecRepository>();

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Specs.UpdateAsync(
            spec.Id,
            s =>
            {
                // A rival writes between our read and our write, every time.
                rival.UpdateAsync(spec.Id, r => r with { Progress = r.Progress + 1 }, null, CancellationToken.None).GetAwaiter().GetResult();
                return s with { Title = "ours" };
            },
            null,
            CancellationToken.None));

        Assert.Equal(spec.Id, error.Id);
        var stored = await Specs.GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal("Add a greeting", stored.Title);
        Assert.True(stored.Progress > 0);
    }

    [Fact]
    public async Task CreateAsync_DescriptionOverOneProperty_IsSplitAndReadBackWhole()
    {
        var description = string.Concat(Enumerable.Range(0, 9000).Select(i => $"line {i} é😀\n"));
        var spec = TestRecords.Spec() with { Description = description };

        await Specs.CreateAsync(spec, CancellationToken.None);

        Assert.Equal(description, (await Specs.GetAsync(spec.Id, CancellationToken.None)).Description);
    }

    [Fact]
    public async Task CreateAsync_DescriptionOverTheRecordLimit_FailsNamingTheField()
    {
        var spec = TestRecords.Spec() with { Description = new string('x', 600_000) };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Specs.CreateAsync(spec, CancellationToken.None));

        Assert.Contains("description", error.Errors.Keys);
        await Assert.ThrowsAsync<NotFoundException>(() => Specs.GetAsync(spec.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_PagesThroughEverySpec()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Specs.CreateAsync(TestRecords.Spec(), CancellationToken.None)).Id);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Specs.ListAsync(2, token, CancellationToken.None);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(s => s.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(ids.Order(), seen.Order());
    }

    public void Dispose() => _storage.Dispose();
}
