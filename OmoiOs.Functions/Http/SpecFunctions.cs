using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;

namespace OmoiOs.Functions.Http;

/// <summary><c>POST/GET /specs</c>, <c>GET /specs/{id}</c> and its execution status: one <see cref="SpecService"/> call each.</summary>
public sealed class SpecFunctions(SpecService specs, ILogger<SpecFunctions> logger)
{
    [Function("CreateSpec")]
    public Task<HttpResponseData> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/specs")] HttpRequestData request,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var body = await request.ReadJsonAsync<CreateSpecRequest>(cancellationToken);
            var spec = await specs.CreateAsync(body, cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.Created, spec, cancellationToken, $"/api/specs/{spec.Id}");
        }, cancellationToken);

    [Function("ListSpecs")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs")] HttpRequestData request,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var page = await specs.ListAsync(ApiQuery.PageSize(request.QueryValue("pageSize")), request.QueryValue("continuationToken"), cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.OK, new ListResponse<Spec>(page.Items, page.ContinuationToken), cancellationToken);
        }, cancellationToken);

    [Function("GetSpec")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await specs.GetAsync(id, cancellationToken), cancellationToken), cancellationToken);

    [Function("GetExecutionStatus")]
    public Task<HttpResponseData> GetExecutionStatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/specs/{id}/execution-status")] HttpRequestData request,
        string id,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
            await ApiResponses.JsonAsync(request, HttpStatusCode.OK, await specs.ExecutionStatusAsync(id, cancellationToken), cancellationToken), cancellationToken);
}
