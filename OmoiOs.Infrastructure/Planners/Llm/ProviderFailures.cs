using System.ClientModel;
using System.Text.Json;
using Anthropic.Exceptions;
using OmoiOs.Core.Errors;
using Polly.Timeout;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>Turns what the SDKs and the resilience pipeline throw into the typed planner errors of Core.</summary>
internal static class ProviderFailures
{
    /// <summary>The typed error for <paramref name="exception"/>, or null when it is the caller's own cancellation or unknown.</summary>
    public static OmoiException? Translate(string planner, Exception exception, TimeSpan totalTimeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (Chain(exception).Any(e => e is TimeoutRejectedException or TimeoutException) || exception is OperationCanceledException)
        {
            return new PlannerTimeoutException(planner, totalTimeout, exception);
        }

        return Chain(exception).Select(e => Describe(planner, e)).FirstOrDefault(e => e is not null);
    }

    private static PlannerCallFailedException? Describe(string planner, Exception exception) => exception switch
    {
        ClientResultException e => new PlannerCallFailedException(planner, e.Status == 0 ? null : e.Status, e.Message, exception),
        AnthropicApiException e => new PlannerCallFailedException(planner, (int)e.StatusCode, e.Message, exception),
        AnthropicException e => new PlannerCallFailedException(planner, null, e.Message, exception),
        HttpRequestException e => new PlannerCallFailedException(planner, (int?)e.StatusCode, e.Message, exception),
        JsonException e => new PlannerCallFailedException(planner, null, $"the server's reply is not a valid response of its protocol ({e.Message})", exception),
        _ => null,
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
