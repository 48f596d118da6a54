namespace OmoiOs.Core.Execution.Usage;

/// <summary>A model's list price in US dollars per million tokens; cached input is the part of the input served from the provider's cache.</summary>
public sealed record TokenPrice(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion)
{
    private const decimal Million = 1_000_000m;

    /// <param name="inputTokens">All input tokens, cached ones included.</param>
    /// <param name="cachedInputTokens">The part of <paramref name="inputTokens"/> read from the cache.</param>
    public decimal Cost(long inputTokens, long cachedInputTokens, long outputTokens)
    {
        var cached = Math.Clamp(cachedInputTokens, 0, inputTokens);
        return (((inputTokens - cached) * InputPerMillion) + (cached * CachedInputPerMillion) + (outputTokens * OutputPerMillion)) / Million;
    }
}
