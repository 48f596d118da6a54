using System.Text.Json;
using Microsoft.OpenApi;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary><c>GET /specs/{id}/events</c>: a page of events as JSON, or a server-sent event stream with Last-Event-ID replay.</summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    public static void MapEventEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/specs/{id}/events", async (string id, HttpContext context, SpecService service, CancellationToken cancellationToken) =>
        {
            var request = context.Request;
            var after = Query.After(request);
            var max = Query.Int(request, "max", 1000, 1, 1000);
            if (!request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
            {
                return Results.Ok(new ListResponse<SpecEvent>(await service.EventsAsync(id, after, max, cancellationToken), null));
            }

            if (long.TryParse(request.Headers["Last-Event-ID"].ToString(), out var lastEventId) && lastEventId >= 0)
            {
                after = lastEventId;
            }

            await StreamAsync(context, service, id, after, cancellationToken);
            return Results.Empty;
        }).WithTags("Events").WithName("ListSpecEvents").Produces<ListResponse<SpecEvent>>().Produces(200, contentType: "text/event-stream").ProducesProblem(400).ProducesProblem(404)
            .WithQuery(
                new QueryParameter("after", JsonSchemaType.Integer, "Only events with a higher sequence (default 0); a stream's Last-Event-ID header takes precedence."),
                new QueryParameter("max", JsonSchemaType.Integer, "Events per page, 1 to 1000 (default 1000)."));

    /// <summary>Sends every event after <paramref name="after"/>, then new ones as they come, until the spec has finished and all are sent.</summary>
    private static async Task StreamAsync(HttpContext context, SpecService service, string specId, long after, CancellationToken cancellationToken)
    {
        var events = await service.EventsAsync(specId, after, 1000, cancellationToken);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var e in events)
            {
                await context.Response.WriteAsync($"id: {e.Sequence}\nevent: {e.Type}\ndata: {JsonSerializer.Serialize(e, ApiJson.Options)}\n\n", cancellationToken);
                after = e.Sequence;
            }

            await context.Response.Body.FlushAsync(cancellationToken);
            if (events.Count == 0)
            {
                // The status first, then the events once more: a spec that had finished by then has all its events in that read.
                var finished = SpecTransitions.IsFinished((await service.GetAsync(specId, cancellationToken)).Status);
                events = await service.EventsAsync(specId, after, 1000, cancellationToken);
                if (events.Count > 0)
                {
                    continue;
                }

                if (finished)
                {
                    return;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            events = await service.EventsAsync(specId, after, 1000, cancellationToken);
        }
    }
}
