using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Functions.Http;

/// <summary><c>/tickets</c> and <c>/tasks</c>: read access to the execution records.</summary>
public sealed class RecordFunctions(RecordQueries queries, ILogger<RecordFunctions> logger)
{
    [Function("ListTickets")]
    public Task<HttpResponseData> ListTicketsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/tickets")] HttpRequestData request,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var page = await queries.TicketsAsync(ApiQuery.SpecId(request.QueryValue("specId")), ApiQuery.PageSize(request.QueryValue("pageSize")), request.QueryValue("continuationToken"), cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.OK, new ListResponse<Ticket>(page.Items, page.ContinuationToken), cancellationToken);
        }, cancellationToken);

    [Function("GetTicket")]
    public Task<HttpResponseData> GetTicketAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/tickets/{id}")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await queries.TicketAsync(id, cancellationToken), cancellationToken), cancellationToken);

    [Function("ListTasks")]
    public Task<HttpResponseData> ListTasksAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/tasks")] HttpRequestData request,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var page = await queries.TasksAsync(ApiQuery.SpecId(request.QueryValue("specId")), ApiQuery.PageSize(request.QueryValue("pageSize")), request.QueryValue("continuationToken"), cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.OK, new ListResponse<WorkTask>(page.Items, page.ContinuationToken), cancellationToken);
        }, cancellationToken);

    [Function("GetTask")]
    public Task<HttpResponseData> GetTaskAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/tasks/{id}")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await queries.TaskAsync(id, cancellationToken), cancellationToken), cancellationToken);
}
