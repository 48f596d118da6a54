using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Application;

/// <summary>Read access to tickets and work tasks, by spec or across specs.</summary>
public sealed class RecordQueries(ITicketRepository tickets, IWorkTaskRepository tasks)
{
    public async Task<Page<Ticket>> TicketsAsync(string? specId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        specId is null
            ? await tickets.ListAllAsync(Math.Clamp(pageSize, 1, 1000), continuationToken, cancellationToken).ConfigureAwait(false)
            : new Page<Ticket>(RecordIds.IsSpecId(specId) ? await tickets.ListAsync(specId, cancellationToken).ConfigureAwait(false) : [], null);

    public Task<Ticket> TicketAsync(string ticketId, CancellationToken cancellationToken) => tickets.GetAsync(ticketId, cancellationToken);

    public async Task<Page<WorkTask>> TasksAsync(string? specId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        specId is null
            ? await tasks.ListAllAsync(Math.Clamp(pageSize, 1, 1000), continuationToken, cancellationToken).ConfigureAwait(false)
            : new Page<WorkTask>(RecordIds.IsSpecId(specId) ? await tasks.ListAsync(specId, cancellationToken).ConfigureAwait(false) : [], null);

    public Task<WorkTask> TaskAsync(string taskId, CancellationToken cancellationToken) => tasks.GetAsync(taskId, cancellationToken);
}
