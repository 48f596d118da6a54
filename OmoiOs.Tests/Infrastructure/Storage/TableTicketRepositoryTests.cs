using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableTicketRepositoryTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private ITicketRepository Tickets => _storage.Get<ITicketRepository>();

    [Fact]
    public async Task GetOrCreateAsync_Twice_KeepsOneTicketWithItsSpecId()
    {
        var specId = TestRecords.NewSpecId();
        var ticket = TestRecords.Ticket(specId);
        var created = SpecEventDraft.ForSpec(specId, SpecEventTypes.TicketCreated);

        await Tickets.GetOrCreateAsync(ticket, created, CancellationToken.None);
        var again = await Tickets.GetOrCreateAsync(ticket with { Title = "other" }, created, CancellationToken.None);

        Assert.Equal("[Spec] Add a greeting", again.Title);
        Assert.Equal(specId, Assert.Single(await Tickets.ListAsync(specId, CancellationToken.None)).SpecId);
        Assert.Single(await _storage.Get<ISpecEventRepository>().ListAsync(specId, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_AlongTheBoard_Moves_AndSkippingAColumnIsRefused()
    {
        var ticket = await Tickets.GetOrCreateAsync(TestRecords.Ticket(TestRecords.NewSpecId()), null, CancellationToken.None);

        await Tickets.UpdateAsync(ticket.Id, t => t with { Status = TicketStatus.Analyzing }, null, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            Tickets.UpdateAsync(ticket.Id, t => t with { Status = TicketStatus.Done }, null, CancellationToken.None));

        Assert.Equal(TicketStatus.Analyzing, (await Tickets.GetAsync(ticket.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task UpdateAsync_WithEvents_AppendsThemOnlyWhenSomethingChanged()
    {
        var ticket = await Tickets.GetOrCreateAsync(TestRecords.Ticket(TestRecords.NewSpecId()), null, CancellationToken.None);
        Func<Ticket, Ticket, IReadOnlyList<SpecEventDraft>> moved = (before, after) =>
            [SpecEventDraft.ForSpec(after.SpecId, SpecEventTypes.StatusChanged, new() { ["from"] = before.Status.ToString(), ["to"] = after.Status.ToString() })];

        await Tickets.UpdateAsync(ticket.Id, t => t with { Status = TicketStatus.Analyzing }, moved, CancellationToken.None);
        await Tickets.UpdateAsync(ticket.Id, t => t, moved, CancellationToken.None);

        var events = await _storage.Get<ISpecEventRepository>().ListAsync(ticket.SpecId, 0, 10, CancellationToken.None);
        Assert.Equal("Analyzing", Assert.Single(events).Payload["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAllAsync_FindsTicketsOfEverySpec()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Tickets.GetOrCreateAsync(TestRecords.Ticket(TestRecords.NewSpecId()), null, CancellationToken.None)).Id);
        }

        var page = await Tickets.ListAllAsync(100, null, CancellationToken.None);

        Assert.Equal(ids.Order(), page.Items.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task GetAsync_UnknownId_ThrowsNotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(() => Tickets.GetAsync("ticket-000000000000", CancellationToken.None));

    public void Dispose() => _storage.Dispose();
}
