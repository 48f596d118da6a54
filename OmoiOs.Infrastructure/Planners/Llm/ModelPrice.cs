namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>What a model charges, in US dollars per million input and output tokens.</summary>
internal sealed record ModelPrice(decimal InputUsdPerMillionTokens, decimal OutputUsdPerMillionTokens)
{
    private const decimal TokensPerUnit = 1_000_000m;

    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputUsdPerMillionTokens) + (outputTokens * OutputUsdPerMillionTokens)) / TokensPerUnit;
}
