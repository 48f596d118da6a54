using OmoiOs.Core.Execution.Agents;
using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Tests.Core.Execution.Usage;

public sealed class AgentUsageParserTests
{
    public static TheoryData<AgentOutputFormat, string, long> Recorded => new()
    {
        { AgentOutputFormat.Claude, AgentOutputs.Claude, 62661 },
        { AgentOutputFormat.Codex, AgentOutputs.Codex, 24763 },
        { AgentOutputFormat.Gemini, AgentOutputs.Gemini, 12000 },
        { AgentOutputFormat.Aider, AgentOutputs.Aider, 10000 },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Parse_EachFormatOnItsOwnOutput_ReadsIt(AgentOutputFormat format, string output, long inputTokens) =>
        Assert.Equal(inputTokens, AgentUsageParser.Parse(format, output).InputTokens);

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Parse_DetectOnAnyFormat_SameAsTheFormatItself(AgentOutputFormat format, string output, long inputTokens)
    {
        var detected = AgentUsageParser.Parse(AgentOutputFormat.Detect, output);

        Assert.Equal(AgentUsageParser.Parse(format, output), detected);
        Assert.Equal(inputTokens, detected.InputTokens);
    }

    [Fact]
    public void Parse_AnotherToolsOutput_None() =>
        Assert.Equal(AgentUsage.None, AgentUsageParser.Parse(AgentOutputFormat.Aider, AgentOutputs.Codex));
}
