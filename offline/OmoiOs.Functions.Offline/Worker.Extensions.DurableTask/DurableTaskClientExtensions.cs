using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// HTTP helpers of the Durable extension. Their URLs come from the host's webhook settings and system key, so
/// offline every one checks its arguments as the real one does and then throws <see cref="NotSupportedException"/>.
/// </summary>
public static class DurableTaskClientExtensions
{
    public static Task<HttpResponseData> WaitForCompletionOrCreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        TimeSpan? retryInterval = null,
        bool returnInternalServerErrorOnFailure = false,
        bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) =>
        throw OfflineSurface.NeedsHost(nameof(WaitForCompletionOrCreateCheckStatusResponseAsync));

    public static Task<HttpResponseData> CreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        CancellationToken cancellation = default) =>
        client.CreateCheckStatusResponseAsync(request, instanceId, HttpStatusCode.Accepted, cancellation);

    public static Task<HttpResponseData> CreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        HttpStatusCode statusCode,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        throw OfflineSurface.NeedsHost(nameof(CreateCheckStatusResponseAsync));
    }

    public static HttpResponseData CreateCheckStatusResponse(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        CancellationToken cancellation = default) =>
        client.CreateCheckStatusResponse(request, instanceId, HttpStatusCode.Accepted, cancellation);

    public static HttpResponseData CreateCheckStatusResponse(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        HttpStatusCode statusCode,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        throw OfflineSurface.NeedsHost(nameof(CreateCheckStatusResponse));
    }

    public static HttpManagementPayload CreateHttpManagementPayload(
        this DurableTaskClient client,
        string instanceId,
        HttpRequestData? request = null)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new ArgumentException("InstanceId cannot be null or empty.", nameof(instanceId));
        }

        throw OfflineSurface.NeedsHost(nameof(CreateHttpManagementPayload));
    }
}
