using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Functions.Http;

/// <summary>
/// <c>GET /specs/{id}/events?after=N&amp;max=M</c> as JSON, or as server-sent events (<see cref="SpecEventFeed"/>): a function
/// answers once, so each request carries the next batch (waiting up to <see cref="StreamWait"/> for one) and the client's
/// EventSource reconnects with Last-Event-ID; 204 once the spec has finished and every event was sent.
/// </summary>
public sealed class EventFunctions(SpecService specs, SpecEventFeed stream, ILogger<EventFunctions> logger)
{
    public static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(20);

    [Function("ListSpecEvents")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/events")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var after = ApiQuery.After(request.QueryValue("after"));
            var max = ApiQuery.Number("max", request.QueryValue("max"), SpecEventFeed.MaxPage, 1, SpecEventFeed.MaxPage);
            if (SpecEventFeed.IsRequested(request.HeaderValue("Accept")))
            {
                return await StreamBatchAsync(request, id, SpecEventFeed.StartAfter(after, request.HeaderValue("Last-Event-ID")), cancellationToken);
            }

            var events = await specs.EventsAsync(id, after, max, cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.OK, new ListResponse<SpecEvent>(events, null), cancellationToken);
        }, cancellationToken);

    private async Task<HttpResponseData> StreamBatchAsync(HttpRequestData request, string id, long after, CancellationToken cancellationToken)
    {
        var batch = await stream.NextAsync(id, after, StreamWait, cancellationToken);
        if (batch.SpecFinished)
        {
            return request.CreateResponse(HttpStatusCode.NoContent);
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", SpecEventFeed.ContentType);
        response.Headers.Add("Cache-Control", "no-cache");
        await response.WriteStringAsync(SpecEventFeed.RetryFrame + string.Concat(batch.Events.Select(SpecEventFeed.Frame)), cancellationToken);
        return response;
    }
}
