using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Core.Execution;

public sealed class AgentUsageParserTests
{
    [Fact]
    public void Parse_ClaudeStreamJson_ReadsLastResultEvent()
    {
        var output = string.Join('\n',
            """{"type":"system","subtype":"init"}""",
            """{"type":"assistant","message":{"usage":{"input_tokens":9,"output_tokens":9}}}""",
            """{"type":"result","subtype":"success","total_cost_usd":0.0421,"usage":{"input_tokens":120,"cache_creation_input_tokens":30,"cache_read_input_tokens":50,"output_tokens":77}}""",
            "");

        var usage = AgentUsageParser.Parse(output);

        Assert.Equal(new AgentUsage(200, 77, 0.0421m), usage);
    }

    [Theory]
    [InlineData("plain text output\nno json here")]
    [InlineData("{\"type\":\"result\" broken json")]
    [InlineData("{\"type\":\"assistant\",\"result\":\"x\"}")]
    public void Parse_NoUsableResult_None(string output) => Assert.Equal(AgentUsage.None, AgentUsageParser.Parse(output));
}
