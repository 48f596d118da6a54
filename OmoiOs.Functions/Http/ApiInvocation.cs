using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Application;

namespace OmoiOs.Functions.Http;

/// <summary>Runs one HTTP function and turns every error into the <c>application/problem+json</c> answer both hosts give.</summary>
internal static class ApiInvocation
{
    public static async Task<HttpResponseData> AnswerAsync(
        HttpRequestData request,
        ILogger logger,
        Func<Task<HttpResponseData>> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await handle();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var problem = ApiProblem.From(error);
            if (problem.Status >= 500)
            {
                logger.LogError(error, "{Method} {Path} failed", request.Method, request.Url.AbsolutePath);
            }

            return await ApiResponses.ProblemAsync(request, problem with { Instance = request.Url.AbsolutePath }, cancellationToken);
        }
    }
}
