using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Tests.Core.Execution.Usage;

public sealed class GeminiUsageTests
{
    [Fact]
    public void Parse_RecordedStreamJson_TokensFromResultStatsCostAtTheInitModelsPrice()
    {
        var usage = GeminiUsage.Parse(AgentOutputs.Gemini);

        // gemini-2.5-flash: 8,000 uncached input at $0.30/M, 4,000 cached at $0.075/M, 650 output at $2.50/M.
        Assert.Equal(new AgentUsage(12000, 650, 0.004325m), usage);
    }

    [Fact]
    public void Parse_PerModelStats_EachModelAtItsOwnPrice()
    {
        var output = """
            {"type":"init","model":"gemini-2.5-pro"}
            {"type":"result","status":"success","stats":{"models":{"gemini-2.5-pro":{"input_tokens":1000000,"output_tokens":0},"gemini-2.5-flash":{"input_tokens":1000000,"output_tokens":1000000}}}}
            """;

        Assert.Equal(new AgentUsage(2_000_000, 1_000_000, 1.25m + 0.30m + 2.50m), GeminiUsage.Parse(output));
    }

    [Fact]
    public void Parse_ReportedDollars_Preferred() =>
        Assert.Equal(new AgentUsage(100, 50, 0.0025m), GeminiUsage.Parse("""{"type":"result","stats":{"input_tokens":100,"output_tokens":50,"total_cost_usd":0.0025}}"""));

    [Fact]
    public void Parse_NoModelNamed_PricedAsTheDefaultModel() =>
        Assert.Equal(new AgentUsage(1_000_000, 0, 1.25m), GeminiUsage.Parse("""{"type":"result","stats":{"input_tokens":1000000,"output_tokens":0}}"""));

    [Fact]
    public void Parse_CodexOutput_Null() => Assert.Null(GeminiUsage.Parse(AgentOutputs.Codex));
}
