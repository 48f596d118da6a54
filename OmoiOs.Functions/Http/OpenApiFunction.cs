using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace OmoiOs.Functions.Http;

/// <summary>
/// <c>GET /api/openapi.json</c>: the local host's OpenAPI document, committed as docs/openapi.json and embedded here,
/// so both hosts publish the same contract (a test fails when the committed copy drifts from the local server's).
/// </summary>
public static class OpenApiFunction
{
    public const string ResourceName = "OmoiOs.Functions.openapi.json";

    [Function("GetOpenApiDocument")]
    public static async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/openapi.json")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var document = OpenDocument();
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await document.CopyToAsync(response.Body, cancellationToken);
        return response;
    }

    public static Stream OpenDocument() =>
        typeof(OpenApiFunction).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The assembly has no {ResourceName} resource; see OmoiOs.Functions.csproj.");
}
