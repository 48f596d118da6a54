using Microsoft.OpenApi;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary><c>GET /specs/{id}/events</c>: a page of events as JSON, or one server-sent event stream (<see cref="SpecEventFeed"/>) with Last-Event-ID replay.</summary>
internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/specs/{id}/events", async (string id, HttpContext context, SpecService service, SpecEventFeed stream, CancellationToken cancellationToken) =>
        {
            var request = context.Request;
            var after = Query.After(request);
            var max = Query.Int(request, "max", SpecEventFeed.MaxPage, 1, SpecEventFeed.MaxPage);
            if (!SpecEventFeed.IsRequested(request.Headers.Accept.ToString()))
            {
                return Results.Ok(new ListResponse<SpecEvent>(await service.EventsAsync(id, after, max, cancellationToken), null));
            }

            await StreamAsync(context, stream, id, SpecEventFeed.StartAfter(after, request.Headers["Last-Event-ID"]), cancellationToken);
            return Results.Empty;
        }).WithTags("Events").WithName("ListSpecEvents").Produces<ListResponse<SpecEvent>>().Produces(200, contentType: SpecEventFeed.ContentType).ProducesProblem(400).ProducesProblem(404)
            .WithQuery(
                new QueryParameter("after", JsonSchemaType.Integer, "Only events with a higher sequence (default 0); a stream's Last-Event-ID header takes precedence."),
                new QueryParameter("max", JsonSchemaType.Integer, "Events per page, 1 to 1000 (default 1000)."));

    /// <summary>Sends every event after <paramref name="after"/>, then new ones as they come, until the spec has finished and all are sent.</summary>
    private static async Task StreamAsync(HttpContext context, SpecEventFeed stream, string specId, long after, CancellationToken cancellationToken)
    {
        var batch = await stream.NextAsync(specId, after, TimeSpan.Zero, cancellationToken);
        context.Response.ContentType = SpecEventFeed.ContentType;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(cancellationToken);
        while (!batch.SpecFinished)
        {
            foreach (var e in batch.Events)
            {
                await context.Response.WriteAsync(SpecEventFeed.Frame(e), cancellationToken);
                after = e.Sequence;
            }

            await context.Response.Body.FlushAsync(cancellationToken);
            batch = await stream.NextAsync(specId, after, TimeSpan.FromSeconds(15), cancellationToken);
        }
    }
}
