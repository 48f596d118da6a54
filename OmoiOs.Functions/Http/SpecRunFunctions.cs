using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Functions.Workflow;

namespace OmoiOs.Functions.Http;

/// <summary>The routes that steer a spec's orchestration through Durable's client: execute, approve, execute-tasks, cancel.</summary>
public sealed class SpecRunFunctions(SpecService specs, ICheckStatusResponseFactory checkStatus, ILogger<SpecRunFunctions> logger)
{
    /// <summary>Starts the run, or answers with the one already running, as Durable's 202 check-status response.</summary>
    [Function("ExecuteSpec")]
    public Task<HttpResponseData> ExecuteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/specs/{id}/execute")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var start = await specs.ExecuteAsync(id, new DurableWorkflowClient(client), cancellationToken);
            return await checkStatus.CreateAsync(client, request, start.InstanceId, cancellationToken);
        }, cancellationToken);

    [Function("ApproveSpec")]
    public Task<HttpResponseData> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/specs/{id}/approve")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var body = await request.ReadJsonAsync<ApproveRequest>(cancellationToken);
            await specs.ApproveAsync(id, body, new DurableWorkflowClient(client), cancellationToken);
            return ApiResponses.Empty(request, HttpStatusCode.Accepted, $"/api/specs/{id}");
        }, cancellationToken);

    [Function("ExecuteSpecTasks")]
    public Task<HttpResponseData> ExecuteTasksAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/specs/{id}/execute-tasks")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var body = await request.ReadOptionalJsonAsync<ExecuteTasksRequest>(cancellationToken) ?? new ExecuteTasksRequest(null);
            var result = await specs.ExecuteTasksAsync(id, body, new DurableWorkflowClient(client), cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.Accepted, result, cancellationToken, $"/api/specs/{id}/execution-status");
        }, cancellationToken);

    [Function("CancelSpec")]
    public Task<HttpResponseData> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/specs/{id}/cancel")] HttpRequestData request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ApiInvocation.AnswerAsync(request, logger, async () =>
        {
            var spec = await specs.CancelAsync(id, new DurableWorkflowClient(client), cancellationToken);
            return await ApiResponses.JsonAsync(request, HttpStatusCode.Accepted, spec, cancellationToken, $"/api/specs/{id}");
        }, cancellationToken);
}
