using System.Collections.Concurrent;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Export;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Review;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Planning.Review;

[Collection(AzuriteGroup.Name)]
public sealed class PlanDocumentsTests : IDisposable
{
    private readonly ServicesHarness _services = new();

    private PlanDocuments CreateSut() => _services.Get<PlanDocuments>();

    [Fact]
    public async Task RequirementsAsync_BeforeSync_IsADraftWithTheIdsSyncGivesItsRecords()
    {
        var spec = await StorePlanAsync();

        var draft = await CreateSut().RequirementsAsync(spec, CancellationToken.None);
        await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None);
        var synced = await CreateSut().RequirementsAsync(spec, CancellationToken.None);

        Assert.True(draft.Review.Draft);
        Assert.False(synced.Review.Draft);
        Assert.Equal(3, draft.Requirements.Count);
        Assert.Equal(synced.Requirements.Select(r => r.Id).Order(StringComparer.Ordinal), draft.Requirements.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(synced.Criteria.Select(c => c.Id).Order(StringComparer.Ordinal), draft.Criteria.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TasksAsync_BeforeSync_IsADraftWhoseIdsAndDependenciesAreTheOnesSyncStores()
    {
        var spec = await StorePlanAsync();

        var draft = await CreateSut().TasksAsync(spec, CancellationToken.None);
        await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None);
        var synced = await CreateSut().TasksAsync(spec, CancellationToken.None);

        Assert.True(draft.Review.Draft);
        Assert.False(synced.Review.Draft);
        Assert.Equal(
            synced.Tasks.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Id, string.Join(',', t.DependsOn), string.Join(',', t.Requirements))),
            draft.Tasks.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Id, string.Join(',', t.DependsOn), string.Join(',', t.Requirements))));
    }

    [Fact]
    public async Task RequirementsAsync_ApprovedWhileTheDesignGateWaits_IsNoLongerADraftButTheDesignIs()
    {
        var spec = await RunPhasesAsync(await CreateSpecAsync(), SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design);
        var atDesignGate = spec with { RequirementsApprovedAt = DateTimeOffset.UtcNow, PendingApproval = ApprovalGate.Design, Status = SpecStatus.AwaitingApproval };

        var requirements = await CreateSut().RequirementsAsync(atDesignGate, CancellationToken.None);
        var design = await CreateSut().DesignAsync(atDesignGate, CancellationToken.None);

        Assert.False(requirements.Review.Draft);
        Assert.NotEmpty(requirements.Requirements);
        Assert.True(design!.Review.Draft);
        Assert.NotEmpty(design.Design.Components);
    }

    [Fact]
    public async Task RequirementsAsync_PlannedAgainWhileTheGateWaits_ListsWhatChangedAgainstTheReplacedVersion()
    {
        var spec = await RunPhasesAsync(await CreateSpecAsync(), SpecPhase.Explore, SpecPhase.Requirements);
        var first = await CreateSut().RequirementsAsync(spec with { PendingApproval = ApprovalGate.Requirements }, CancellationToken.None);
        var widened = await _services.Get<ISpecRepository>().UpdateAsync(
            spec.Id,
            s => s with { Description = s.Description + "\nWhen the --shout option is given, the CLI prints the greeting in upper case." },
            (_, _) => [],
            CancellationToken.None);

        await _services.Get<PhaseRunner>().RunAsync(widened, SpecPhase.Requirements, 2, "Also cover shouting.", CancellationToken.None);
        var second = await CreateSut().RequirementsAsync(widened with { PendingApproval = ApprovalGate.Requirements }, CancellationToken.None);

        Assert.Null(first.Review.Changes);
        Assert.True(second.Review.Draft);
        var changes = second.Review.Changes!;
        Assert.NotEmpty(changes.Added);
        Assert.All(changes.Added, title => Assert.DoesNotContain(title, first.Requirements.Select(r => r.Title)));
        Assert.Contains(second.Requirements, r => r.Text.Contains("upper case", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RequirementsAsync_PlannedAgainToTheSameOutput_SaysNothingChanged()
    {
        var spec = await RunPhasesAsync(await CreateSpecAsync(), SpecPhase.Explore, SpecPhase.Requirements);

        await _services.Get<PhaseRunner>().RunAsync(spec, SpecPhase.Requirements, 2, "Looks the same to me.", CancellationToken.None);
        var again = await CreateSut().RequirementsAsync(spec with { PendingApproval = ApprovalGate.Requirements }, CancellationToken.None);

        Assert.NotNull(again.Review.Changes);
        Assert.True(again.Review.Changes.IsEmpty);
    }

    [Fact]
    public async Task ExportSourceAsync_BeforeSync_MarksEveryExportedFileAsADraft()
    {
        var spec = await StorePlanAsync();

        var source = await CreateSut().ExportSourceAsync(spec, CancellationToken.None);
        var files = SpecExporter.Export(SpecExportFormat.Kiro, source);

        Assert.True(source.Draft);
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.Contains(SpecExporter.DraftNote, f.Content, StringComparison.Ordinal));
        Assert.All(files, f => Assert.StartsWith("# ", f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportSourceAsync_AfterSync_IsNotADraft()
    {
        var spec = await StorePlanAsync();
        await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None);

        var files = SpecExporter.Export(SpecExportFormat.Speckit, await CreateSut().ExportSourceAsync(spec, CancellationToken.None));

        Assert.All(files, f => Assert.DoesNotContain(SpecExporter.DraftNote, f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportSourceAsync_AfterSync_ReadsSyncsOutputOnce()
    {
        var spec = await StorePlanAsync();
        await _services.Get<SyncService>().SyncAsync(spec.Id, CancellationToken.None);
        var texts = new CountingTextStore(_services.Get<ILargeTextStore>());
        var phases = new PhaseRunner(_services.Get<IPlannerSelector>(), texts, _services.Get<IRepositoryLocator>(), _services.Get<PhaseEvaluator>());
        var sut = new PlanDocuments(_services.Get<IRequirementRepository>(), _services.Get<ISpecTaskRepository>(), phases);

        var source = await sut.ExportSourceAsync(spec, CancellationToken.None);

        Assert.False(source.Draft);
        Assert.Equal(1, texts.Reads(PhaseOutputKeys.For(SpecPhase.Sync)));
    }

    private async Task<Spec> StorePlanAsync()
    {
        var spec = TestRecords.Spec();
        await PlanBuilder.StoreAsync(_services.Get<ILargeTextStore>(), spec.Id, PlanBuilder.Requirements(3), PlanBuilder.Tasks(5, 3));
        return spec;
    }

    private async Task<Spec> CreateSpecAsync() =>
        await _services.Get<SpecService>().CreateAsync(
            new CreateSpecRequest
            {
                Title = "Configurable greeting",
                Description = "The greeting word is configurable through a --greeting option.\nWhen the option is empty, the CLI prints an error and exits with code 2.",
                Repository = await SampleRepository.CreateAsync(),
            },
            CancellationToken.None);

    private async Task<Spec> RunPhasesAsync(Spec spec, params SpecPhase[] phases)
    {
        foreach (var phase in phases)
        {
            var run = await _services.Get<PhaseRunner>().RunAsync(spec, phase, 1, null, CancellationToken.None);
            Assert.True(run.Evaluation.Passed, $"{phase}: {run.Evaluation.Feedback}");
        }

        return spec;
    }

    public void Dispose() => _services.Dispose();

    /// <summary>The real text store, counting the reads of each key.</summary>
    private sealed class CountingTextStore(ILargeTextStore inner) : ILargeTextStore
    {
        private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

        public int Reads(string key) => _reads.GetValueOrDefault(key);

        public Task WriteAsync(string specId, string key, string text, CancellationToken cancellationToken) => inner.WriteAsync(specId, key, text, cancellationToken);

        public Task<string?> ReadAsync(string specId, string key, CancellationToken cancellationToken)
        {
            _reads.AddOrUpdate(key, 1, (_, count) => count + 1);
            return inner.ReadAsync(specId, key, cancellationToken);
        }
    }
}
