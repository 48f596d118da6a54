using OmoiOs.Core.Application;
using OmoiOs.Local.Server.Security;

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

            // No server list: paths resolve against whichever host served the document, so the Functions app can
            // serve this very document (docs/openapi.json) and neither copy names a port that was only true once.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapLocalApi(this WebApplication app)
    {
        app.UseMiddleware<ProblemMiddleware>();
        app.UseLocalSecurity();
        var api = app.MapGroup("/api");
        api.MapHealthEndpoints();
        api.MapSpecEndpoints();
        api.MapEventEndpoints();
        api.MapRecordEndpoints();
        app.MapOpenApi("/api/openapi.json");
        return app;
    }
}
