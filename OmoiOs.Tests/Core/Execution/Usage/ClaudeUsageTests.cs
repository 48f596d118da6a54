using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Tests.Core.Execution.Usage;

public sealed class ClaudeUsageTests
{
    [Fact]
    public void Parse_RecordedStreamJson_TakesTheResultEventsTotalsNotTheTurns()
    {
        var usage = ClaudeUsage.Parse(AgentOutputs.Claude);

        Assert.Equal(new AgentUsage(31 + 8420 + 54210, 1289, 0.0734215m), usage);
    }

    [Fact]
    public void Parse_OlderCostField_Read() =>
        Assert.Equal(new AgentUsage(3, 2, 0.5m), ClaudeUsage.Parse("""{"type":"result","cost_usd":0.5,"usage":{"input_tokens":3,"output_tokens":2}}"""));

    [Theory]
    [InlineData("plain text output\nno json here")]
    [InlineData("{\"type\":\"result\" broken json")]
    [InlineData("{\"type\":\"assistant\",\"result\":\"x\"}")]
    public void Parse_NoResultEvent_Null(string output) => Assert.Null(ClaudeUsage.Parse(output));
}
