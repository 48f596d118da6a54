using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using OmoiOs.Functions.Http;

namespace OmoiOs.Tests.Functions.Fakes;

/// <summary>
/// Stands in for Durable's check-status helper, which needs the Functions host: answers 202 with the instance id and
/// a Location, and records which instance it was asked about.
/// </summary>
internal sealed class FakeCheckStatusResponseFactory : ICheckStatusResponseFactory
{
    public List<string> InstanceIds { get; } = [];

    public async Task<HttpResponseData> CreateAsync(DurableTaskClient client, HttpRequestData request, string instanceId, CancellationToken cancellationToken)
    {
        InstanceIds.Add(instanceId);
        var response = request.CreateResponse(HttpStatusCode.Accepted);
        response.Headers.Add("Location", $"http://localhost:7071/runtime/webhooks/durabletask/instances/{instanceId}");
        await response.WriteAsJsonAsync(new { id = instanceId }, cancellationToken);
        return response;
    }
}
