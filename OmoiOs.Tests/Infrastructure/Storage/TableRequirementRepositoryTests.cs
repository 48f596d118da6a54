using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableRequirementRepositoryTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private IRequirementRepository Requirements => _storage.Get<IRequirementRepository>();

    [Fact]
    public async Task UpsertAsync_250Records_AreAllStoredAcrossSeveralTransactions()
    {
        var specId = TestRecords.NewSpecId();
        var requirements = Enumerable.Range(1, 50).Select(n => TestRecords.Requirement(specId, n)).ToList();
        var criteria = requirements.SelectMany((_, i) => Enumerable.Range(1, 4).Select(o => TestRecords.Criterion(specId, i + 1, o))).ToList();

        await Requirements.UpsertAsync(specId, requirements, criteria, CancellationToken.None);

        Assert.Equal(requirements, await Requirements.ListAsync(specId, CancellationToken.None), new IgnoringVersion<OmoiOs.Core.Domain.SpecRequirement>(r => r with { Version = null }));
        Assert.Equal(200, (await Requirements.ListCriteriaAsync(specId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UpsertAsync_RunTwice_LeavesNoDuplicates()
    {
        var specId = TestRecords.NewSpecId();
        var requirements = Enumerable.Range(1, 3).Select(n => TestRecords.Requirement(specId, n)).ToList();
        var criteria = Enumerable.Range(1, 3).SelectMany(n => new[] { TestRecords.Criterion(specId, n, 1), TestRecords.Criterion(specId, n, 2) }).ToList();

        await Requirements.UpsertAsync(specId, requirements, criteria, CancellationToken.None);
        await Requirements.UpsertAsync(specId, requirements, criteria, CancellationToken.None);

        Assert.Equal(3, (await Requirements.ListAsync(specId, CancellationToken.None)).Count);
        Assert.Equal(6, (await Requirements.ListCriteriaAsync(specId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyTheRequestedSpecsRecords()
    {
        var first = TestRecords.NewSpecId();
        var second = TestRecords.NewSpecId();
        await Requirements.UpsertAsync(first, [TestRecords.Requirement(first, 1)], [], CancellationToken.None);
        await Requirements.UpsertAsync(second, [TestRecords.Requirement(second, 1), TestRecords.Requirement(second, 2)], [], CancellationToken.None);

        var listed = await Requirements.ListAsync(first, CancellationToken.None);

        Assert.Equal(first, Assert.Single(listed).SpecId);
    }

    [Fact]
    public async Task UpsertAsync_RecordOfAnotherSpec_IsRefusedBeforeAnyWrite()
    {
        var specId = TestRecords.NewSpecId();
        var stranger = TestRecords.Requirement(TestRecords.NewSpecId(), 2);

        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Requirements.UpsertAsync(specId, [TestRecords.Requirement(specId, 1), stranger], [], CancellationToken.None));

        Assert.Empty(await Requirements.ListAsync(specId, CancellationToken.None));
    }

    [Fact]
    public async Task MarkCriteriaMetAsync_120Criteria_StoresEachMetWithItsEventInOrder()
    {
        var specId = TestRecords.NewSpecId();
        var criteria = Enumerable.Range(1, 40).SelectMany(n => Enumerable.Range(1, 3).Select(o => TestRecords.Criterion(specId, n, o))).ToList();
        await Requirements.UpsertAsync(specId, [], criteria, CancellationToken.None);

        await Requirements.MarkCriteriaMetAsync(specId, criteria, c => new OmoiOs.Core.Domain.SpecEventDraft("criterion_met", "criterion", c.Id), CancellationToken.None);

        Assert.All(await Requirements.ListCriteriaAsync(specId, CancellationToken.None), c => Assert.True(c.Completed));
        var events = await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 1000, CancellationToken.None);
        Assert.Equal(criteria.Select(c => c.Id).Order(), events.Select(e => e.EntityId).Order());
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    public void Dispose() => _storage.Dispose();
}
