using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace OmoiOs.Functions.Http;

/// <summary>
/// The 202 answer of a started (or already running) orchestration. Its one real implementation is Durable's
/// check-status helper, which needs the Functions host (its URLs come from the host's webhook settings and keys);
/// this seam lets the triggers around it run in unit tests.
/// </summary>
public interface ICheckStatusResponseFactory
{
    Task<HttpResponseData> CreateAsync(DurableTaskClient client, HttpRequestData request, string instanceId, CancellationToken cancellationToken);
}
