using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using OmoiOs.Core.Application;

namespace OmoiOs.Functions.Http;

/// <summary><c>GET /api/health</c>: the build's version and whether storage answers. Anonymous so probes need no key.</summary>
public sealed class HealthFunction(HealthService health)
{
    [Function("Health")]
    public async Task<HttpResponseData> GetHealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await health.CheckAsync(cancellationToken);
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(report, cancellationToken);
        return response;
    }
}
