using System.Text.Json;
using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>Turns every error into an <c>application/problem+json</c> answer, in one place.</summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);

            // Routing answers a body whose content type an endpoint does not accept with a bare 415 before any
            // endpoint code runs; give it the same problem body as every other refusal.
            if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted && context.Response.ContentType is null)
            {
                await WriteAsync(context, ApiProblem.UnsupportedMediaType(context.Request.ContentType));
            }
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var problem = error switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblem.TooLarge(JsonRequestBody.MaxBytes),
                BadHttpRequestException bad => ApiProblem.MalformedBody(bad.Message),
                _ => ApiProblem.From(error),
            };
            if (problem.Status >= 500)
            {
                logger.LogError(error, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }

            await WriteAsync(context, problem);
        }
    }

    public static async Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ApiProblem.ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, ApiJson.Options, context.RequestAborted);
    }
}
