using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/health", async (HealthService health, CancellationToken cancellationToken) => Results.Ok(await health.CheckAsync(cancellationToken)))
            .WithTags("Health").WithName("GetHealth");
}
