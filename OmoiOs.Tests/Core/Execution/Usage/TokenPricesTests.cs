using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Tests.Core.Execution.Usage;

public sealed class TokenPricesTests
{
    [Theory]
    [InlineData("gemini-2.5-flash-lite-preview-06-17", 0.10)]
    [InlineData("gemini-2.5-flash", 0.30)]
    [InlineData("models/gemini-2.5-pro", 1.25)]
    [InlineData("GPT-5-MINI", 0.25)]
    [InlineData("unknown-model", 1.25)]
    [InlineData(null, 1.25)]
    public void For_LongestKnownPrefixElseTheFallback(string? model, double inputPerMillion) =>
        Assert.Equal((decimal)inputPerMillion, TokenPrices.For(model, TokenPrices.GeminiDefaultModel).InputPerMillion);

    [Fact]
    public void Cost_CachedTokensAtTheCachedPriceAndNeverMoreThanTheInput() =>
        Assert.Equal(0.125m + 10m, new TokenPrice(1.25m, 0.125m, 10m).Cost(1_000_000, 5_000_000, 1_000_000));
}
