using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Export;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow;
using Microsoft.OpenApi;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>The spec routes of API.md; each one translates HTTP to one <see cref="SpecService"/> call.</summary>
internal static class SpecEndpoints
{
    public static void MapSpecEndpoints(this IEndpointRouteBuilder api)
    {
        var specs = api.MapGroup("/specs").WithTags("Specs");

        specs.MapPost("/", async (HttpRequest request, SpecService service, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync<CreateSpecRequest>(request, cancellationToken);
            var spec = await service.CreateAsync(body, cancellationToken);
            return Results.Created($"/api/specs/{spec.Id}", spec);
        }).WithName("CreateSpec").Accepts<CreateSpecRequest>("application/json").Produces<Spec>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);

        specs.MapGet("/", async (HttpRequest request, SpecService service, CancellationToken cancellationToken) =>
        {
            var page = await service.ListAsync(Query.PageSize(request), request.Query["continuationToken"], cancellationToken);
            return Results.Ok(new ListResponse<Spec>(page.Items, page.ContinuationToken));
        }).WithName("ListSpecs").Produces<ListResponse<Spec>>().ProducesProblem(400).WithQuery(QueryParameter.PageSize, QueryParameter.ContinuationToken);

        specs.MapGet("/{id}", async (string id, SpecService service, CancellationToken cancellationToken) =>
            Results.Ok(await service.GetAsync(id, cancellationToken)))
            .WithName("GetSpec").Produces<Spec>().ProducesProblem(404);

        specs.MapPost("/{id}/execute", async (string id, HttpRequest request, SpecService service, IWorkflowClient workflows, CancellationToken cancellationToken) =>
        {
            var start = await service.ExecuteAsync(id, workflows, cancellationToken);
            var management = Management(request, id, start.InstanceId);
            return Results.Accepted(management.StatusQueryGetUri, management);
        }).WithName("ExecuteSpec").Produces<ExecuteResponse>(StatusCodes.Status202Accepted).ProducesProblem(404).ProducesProblem(409);

        specs.MapPost("/{id}/approve", async (string id, HttpRequest request, SpecService service, IWorkflowClient workflows, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync<ApproveRequest>(request, cancellationToken);
            await service.ApproveAsync(id, body, workflows, cancellationToken);
            return Results.Accepted($"/api/specs/{id}");
        }).WithName("ApproveSpec").Accepts<ApproveRequest>("application/json").Produces(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        specs.MapPost("/{id}/execute-tasks", async (string id, HttpRequest request, SpecService service, IWorkflowClient workflows, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadOptionalAsync<ExecuteTasksRequest>(request, cancellationToken) ?? new ExecuteTasksRequest(null);
            return Results.Accepted($"/api/specs/{id}/execution-status", await service.ExecuteTasksAsync(id, body, workflows, cancellationToken));
        }).WithName("ExecuteSpecTasks").Accepts<ExecuteTasksRequest>("application/json").Produces<ExecuteTasksResponse>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        specs.MapGet("/{id}/execution-status", async (string id, SpecService service, CancellationToken cancellationToken) =>
            Results.Ok(await service.ExecutionStatusAsync(id, cancellationToken)))
            .WithName("GetExecutionStatus").Produces<ExecutionStatus>().ProducesProblem(404);

        specs.MapGet("/{id}/requirements", async (string id, SpecService service, CancellationToken cancellationToken) =>
            Results.Ok(await service.RequirementsAsync(id, cancellationToken)))
            .WithName("ListRequirements").Produces<RequirementListResponse>().ProducesProblem(404);

        specs.MapGet("/{id}/design", async (string id, SpecService service, CancellationToken cancellationToken) =>
            Results.Ok(await service.DesignAsync(id, cancellationToken)))
            .WithName("GetDesign").Produces<DesignView>().ProducesProblem(404);

        specs.MapGet("/{id}/tasks", async (string id, SpecService service, CancellationToken cancellationToken) =>
            Results.Ok(await service.TaskListAsync(id, cancellationToken)))
            .WithName("ListSpecTasks").Produces<SpecTaskListResponse>().ProducesProblem(404);

        specs.MapGet("/{id}/export", async (string id, HttpRequest request, SpecService service, CancellationToken cancellationToken) =>
        {
            var format = ApiQuery.ExportFormat(request.Query["format"]);
            var files = await service.ExportAsync(id, format, cancellationToken);
            if (request.Query["file"].ToString() is { Length: > 0 } name)
            {
                return Results.Text(ApiQuery.ExportFile(files, name).Content, "text/markdown; charset=utf-8");
            }

            return Results.File(ExportArchive.Zip(files), "application/zip", $"{id}-{format.ToWire()}.zip");
        }).WithName("ExportSpec").Produces(200, contentType: "application/zip").Produces(200, contentType: "text/markdown").ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithQuery(
                new QueryParameter("format", JsonSchemaType.String, "kiro (default) or speckit."),
                new QueryParameter("file", JsonSchemaType.String, "One file of the export (e.g. requirements.md) as Markdown instead of the zip."));

        specs.MapPost("/{id}/cancel", async (string id, SpecService service, IWorkflowClient workflows, CancellationToken cancellationToken) =>
            Results.Accepted($"/api/specs/{id}", await service.CancelAsync(id, workflows, cancellationToken)))
            .WithName("CancelSpec").Produces<Spec>(StatusCodes.Status202Accepted).ProducesProblem(404).ProducesProblem(409);
    }

    private static ExecuteResponse Management(HttpRequest request, string specId, string instanceId)
    {
        var root = $"{request.Scheme}://{request.Host}/api/specs/{specId}";
        return new ExecuteResponse(instanceId, $"{root}/execution-status", $"{root}/approve", $"{root}/cancel");
    }
}
