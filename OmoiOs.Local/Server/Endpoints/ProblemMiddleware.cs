using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OmoiOs.Core.Application;

namespace OmoiOs.Local.Server.Endpoints;

/// <summary>Turns every error into an <c>application/problem+json</c> answer, in one place, and refuses URLs and headers over <see cref="RequestLimits"/>.</summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            if (RequestLimits.Check(context) is { } tooLarge)
            {
                await WriteAsync(context, tooLarge);
                return;
            }

            await next(context);
            if (IsBareError(context.Response))
            {
                await WriteAsync(context, ForBareStatus(context));
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

    // Routing answers an unknown route (404), a wrong method (405) or a content type an endpoint does not accept (415) with a status alone.
    private static bool IsBareError(HttpResponse response) =>
        !response.HasStarted && response.StatusCode >= 400 && response.ContentType is null && response.ContentLength is null or 0;

    private static ApiProblem ForBareStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ApiProblem.NoRoute(context.Request.Method, context.Request.Path),
        StatusCodes.Status405MethodNotAllowed => ApiProblem.MethodNotAllowed(context.Request.Method, context.Request.Path),
        StatusCodes.Status415UnsupportedMediaType => ApiProblem.UnsupportedMediaType(context.Request.ContentType),
        var status => new ApiProblem("https://omoios.dev/problems/http", ReasonPhrases.GetReasonPhrase(status), status, ReasonPhrases.GetReasonPhrase(status)),
    };

    public static async Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ApiProblem.ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem with { Instance = context.Request.Path }, ApiJson.Options, context.RequestAborted);
    }
}
