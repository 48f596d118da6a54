using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class ModelPriceTests
{
    [Fact]
    public void Cost_PricesPerMillionTokens_AddsInputAndOutput()
    {
        var price = new ModelPrice(InputUsdPerMillionTokens: 3m, OutputUsdPerMillionTokens: 15m);

        Assert.Equal(0.0105m, price.Cost(inputTokens: 1_000, outputTokens: 500));
    }

    [Fact]
    public void Cost_DefaultZeroPrices_IsZero()
    {
        Assert.Equal(0m, new ModelPrice(0m, 0m).Cost(123_456, 7_890));
    }
}
