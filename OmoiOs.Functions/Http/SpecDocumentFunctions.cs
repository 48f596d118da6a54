using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;
using OmoiOs.Core.Export;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Functions.Http;

/// <summary>What planning wrote: requirements, design, tasks, and the Markdown export.</summary>
public sealed class SpecDocumentFunctions(SpecService specs, ILogger<SpecDocumentFunctions> logger)
{
    [Function("ListRequirements")]
    public Task<HttpResponseData> ListRequirementsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/requirements")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await specs.RequirementsAsync(id, cancellationToken), cancellationToken), cancellationToken);

    [Function("GetDesign")]
    public Task<HttpResponseData> GetDesignAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/design")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await specs.DesignAsync(id, cancellationToken), cancellationToken), cancellationToken);

    [Function("ListSpecTasks")]
    public Task<HttpResponseData> ListTasksAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/tasks")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await specs.TaskListAsync(id, cancellationToken), cancellationToken), cancellationToken);

    /// <summary>A zip of the export, or with <c>?file=</c> that one Markdown file.</summary>
    [Function("ExportSpec")]
    public Task<HttpResponseData> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/export")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var format = ApiQuery.ExportFormat(request.QueryValue("format"));
            var files = await specs.ExportAsync(id, format, cancellationToken);
            return request.QueryValue("file") is { Length: > 0 } name
                ? await ApiResponses.TextAsync(request, ApiQuery.ExportFile(files, name).Content, "text/markdown; charset=utf-8")
                : await ApiResponses.FileAsync(request, ExportArchive.Zip(files), "application/zip", $"{id}-{format.ToWire()}.zip");
        }, cancellationToken);
}
