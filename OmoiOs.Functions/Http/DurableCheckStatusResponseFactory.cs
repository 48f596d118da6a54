using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace OmoiOs.Functions.Http;

/// <summary>Durable's own check-status response: 202, Location = the status URL, the management URLs as the body.</summary>
public sealed class DurableCheckStatusResponseFactory : ICheckStatusResponseFactory
{
    public Task<HttpResponseData> CreateAsync(DurableTaskClient client, HttpRequestData request, string instanceId, CancellationToken cancellationToken) =>
        client.CreateCheckStatusResponseAsync(request, instanceId, cancellationToken);
}
