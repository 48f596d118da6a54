using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// The one retry layer of the LLM planners: a named <see cref="HttpClient"/> per provider with the standard
/// resilience handler (attempt timeout, exponential backoff with jitter on 429/5xx/timeouts honouring Retry-After,
/// total timeout). The SDKs get this client as their transport and have their own retries switched off.
/// </summary>
internal static class PlannerHttpClients
{
    /// <summary>How much longer than the total timeout an SDK's own timer waits, so the resilience pipeline's timeout is the one that fires.</summary>
    public static readonly TimeSpan SdkTimeoutMargin = TimeSpan.FromSeconds(30);

    public static string NameFor(string planner) => $"omoi-planner-{planner}";

    public static void Add(IServiceCollection services, string planner)
    {
        services.AddHttpClient(NameFor(planner))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The SDK client holds this HttpClient for the process lifetime, so DNS changes are picked up by recycling connections instead of handlers.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
                Apply(resilience, provider.GetRequiredService<IOptions<PlannerOptions>>().Value));
    }

    private static void Apply(HttpStandardResilienceOptions resilience, PlannerOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldRetryAfterHeader = true;

        // The standard pipeline requires the breaker's sampling window to span at least two attempt timeouts.
        var minimumSampling = options.AttemptTimeout * 2;
        if (resilience.CircuitBreaker.SamplingDuration < minimumSampling)
        {
            resilience.CircuitBreaker.SamplingDuration = minimumSampling;
        }
    }
}
