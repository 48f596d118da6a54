namespace OmoiOs.Local.Server.Endpoints;

/// <summary>The HTTP API of API.md under <c>/api</c>, with its OpenAPI document at <c>/api/openapi.json</c>.</summary>
internal static class LocalApi
{
    public static IServiceCollection AddLocalApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = ApiJson.Options.DefaultIgnoreCondition;
        });
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OmoiOs API";
            document.Info.Description = "Specs through EXPLORE → REQUIREMENTS → DESIGN → TASKS → SYNC → EXECUTE → COMPLETE. Both hosts serve this contract.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapLocalApi(this WebApplication app)
    {
        app.UseMiddleware<ProblemMiddleware>();
        var api = app.MapGroup("/api");
        api.MapHealthEndpoints();
        api.MapSpecEndpoints();
        api.MapEventEndpoints();
        api.MapRecordEndpoints();
        app.MapOpenApi("/api/openapi.json");
        return app;
    }
}
