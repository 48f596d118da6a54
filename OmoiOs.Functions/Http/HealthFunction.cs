using System.Net;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Core.Ports;

namespace OmoiOs.Functions.Http;

/// <summary><c>GET /api/health</c>: the build's version and whether storage answers. Anonymous so probes need no key.</summary>
public sealed class HealthFunction(IStorageHealthProbe storage)
{
    private static readonly string Version =
        typeof(HealthFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthFunction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    [Function("Health")]
    public async Task<HttpResponseData> GetHealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reachable = await storage.IsReachableAsync(cancellationToken);
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(
            new HealthResponse(Version, reachable ? HealthResponse.StorageOk : HealthResponse.StorageUnreachable),
            cancellationToken);
        return response;
    }
}
