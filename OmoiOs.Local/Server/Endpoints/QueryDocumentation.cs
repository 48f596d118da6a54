using Microsoft.OpenApi;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>
/// Declares the query parameters a route reads through <see cref="Query"/> in the OpenAPI document, which cannot see
/// them because the handlers read the request themselves (so that a malformed value gets a problem naming it).
/// </summary>
internal static class QueryDocumentation
{
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params QueryParameter[] parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Query,
                    Description = parameter.Description,
                    Schema = new OpenApiSchema { Type = parameter.Type },
                });
            }

            return Task.CompletedTask;
        });
}

internal sealed record QueryParameter(string Name, JsonSchemaType Type, string Description)
{
    public static readonly QueryParameter PageSize = new("pageSize", JsonSchemaType.Integer, "Items per page, 1 to 1000 (default 100).");

    public static readonly QueryParameter ContinuationToken = new("continuationToken", JsonSchemaType.String, "The previous page's continuationToken.");

    public static readonly QueryParameter SpecId = new("specId", JsonSchemaType.String, "Only the records of this spec.");
}
