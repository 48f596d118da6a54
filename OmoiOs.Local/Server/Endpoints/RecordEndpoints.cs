using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary><c>/tickets</c> and <c>/tasks</c>: read access to the execution records.</summary>
internal static class RecordEndpoints
{
    public static void MapRecordEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/tickets", async (HttpRequest request, RecordQueries queries, CancellationToken cancellationToken) =>
        {
            var page = await queries.TicketsAsync(Query.SpecId(request), Query.PageSize(request), request.Query["continuationToken"], cancellationToken);
            return Results.Ok(new ListResponse<Ticket>(page.Items, page.ContinuationToken));
        }).WithTags("Tickets").WithName("ListTickets").Produces<ListResponse<Ticket>>().ProducesProblem(400).WithQuery(QueryParameter.SpecId, QueryParameter.PageSize, QueryParameter.ContinuationToken);

        api.MapGet("/tickets/{id}", async (string id, RecordQueries queries, CancellationToken cancellationToken) =>
            Results.Ok(await queries.TicketAsync(id, cancellationToken)))
            .WithTags("Tickets").WithName("GetTicket").Produces<Ticket>().ProducesProblem(404);

        api.MapGet("/tasks", async (HttpRequest request, RecordQueries queries, CancellationToken cancellationToken) =>
        {
            var page = await queries.TasksAsync(Query.SpecId(request), Query.PageSize(request), request.Query["continuationToken"], cancellationToken);
            return Results.Ok(new ListResponse<WorkTask>(page.Items, page.ContinuationToken));
        }).WithTags("Tasks").WithName("ListTasks").Produces<ListResponse<WorkTask>>().ProducesProblem(400).WithQuery(QueryParameter.SpecId, QueryParameter.PageSize, QueryParameter.ContinuationToken);

        api.MapGet("/tasks/{id}", async (string id, RecordQueries queries, CancellationToken cancellationToken) =>
            Results.Ok(await queries.TaskAsync(id, cancellationToken)))
            .WithTags("Tasks").WithName("GetTask").Produces<WorkTask>().ProducesProblem(404);
    }
}
