using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Functions.Http;

/// <summary>
/// <c>GET /specs/{id}/events?after=N&amp;max=M</c> as JSON. The Functions app does not stream server-sent events
/// (a function answers once); a client that asks for <c>text/event-stream</c> gets the same JSON page and polls.
/// </summary>
public sealed class EventFunctions(SpecService specs, ILogger<EventFunctions> logger)
{
    public const int MaxPage = 1000;

    [Function("ListSpecEvents")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/events")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var after = ApiQuery.After(request.QueryValue("after"));
            var max = ApiQuery.Number("max", request.QueryValue("max"), MaxPage, 1, MaxPage);
            var events = await specs.EventsAsync(id, after, max, cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.OK, new ListResponse<SpecEvent>(events, null), cancellationToken);
        }, cancellationToken);
}
