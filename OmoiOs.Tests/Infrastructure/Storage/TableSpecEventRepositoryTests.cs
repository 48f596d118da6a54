using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableSpecEventRepositoryTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private ISpecEventRepository Events => _storage.Get<ISpecEventRepository>();

    [Fact]
    public async Task AppendAsync_ManyWritersInTwoProcesses_NumbersWithoutGapsOrRepeats()
    {
        var specId = TestRecords.NewSpecId();
        using var other = _storage.SecondProcess();
        var otherEvents = other.Get<ISpecEventRepository>();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 3 == 0 ? otherEvents : Events).AppendAsync(
            specId, [SpecEventDraft.ForSpec(specId, "tick", new() { ["i"] = i })], CancellationToken.None)));

        var stored = await Events.ListAsync(specId, 0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), stored.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 30), stored.Select(e => (int)e.Payload["i"]!).Order());
    }

    [Fact]
    public async Task ListAsync_AfterASequence_ReturnsOnlyLaterEventsUpToMax()
    {
        var specId = TestRecords.NewSpecId();
        await Events.AppendAsync(specId, Enumerable.Range(0, 150).Select(i => SpecEventDraft.ForSpec(specId, $"e{i}")).ToList(), CancellationToken.None);

        var page = await Events.ListAsync(specId, 120, 20, CancellationToken.None);

        Assert.Equal(Enumerable.Range(121, 20).Select(i => (long)i), page.Select(e => e.Sequence));
        Assert.Equal("e120", page[0].Type);
    }

    [Fact]
    public async Task AppendAsync_StampsTheStoreTime()
    {
        var specId = TestRecords.NewSpecId();
        _storage.Time.Advance(TimeSpan.FromMinutes(5));

        var stored = await Events.AppendAsync(specId, [SpecEventDraft.ForSpec(specId, "x")], CancellationToken.None);

        Assert.Equal(_storage.Time.GetUtcNow(), Assert.Single(stored).At);
    }

    [Fact]
    public async Task ListAsync_MalformedSpecId_IsEmpty() =>
        Assert.Empty(await Events.ListAsync("nope", 0, 10, CancellationToken.None));

    public void Dispose() => _storage.Dispose();
}
