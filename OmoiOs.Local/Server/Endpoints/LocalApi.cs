
namespace OmoiOs.Local.Server.Endpoints;

/// <summary>The HTTP API of API.md under <c>/api</c>.</summary>
internal static class LocalApi
{
    public static IServiceCollection AddLocalApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        return services;
    }

    public static IEndpointRouteBuilder MapLocalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapHealthEndpoints();
        return endpoints;
    }
}
