using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Tests.Core.Execution.Usage;

public sealed class AiderUsageTests
{
    [Fact]
    public void Parse_RecordedOutput_TokensSummedCostIsTheLastSessionFigure()
    {
        var usage = AiderUsage.Parse(AgentOutputs.Aider);

        Assert.Equal(new AgentUsage(4200 + 5800, 356 + 89, 0.04m), usage);
    }

    [Theory]
    [InlineData("Tokens: 999 sent, 12 received. Cost: $0.00 message, $0.00 session.", 999, 12)]
    [InlineData("Tokens: 1.5M sent, 2.5k received. Cost: $4.50 message, $4.50 session.", 1_500_000, 2_500)]
    public void Parse_AidersRounding_Expanded(string line, long sent, long received)
    {
        var usage = AiderUsage.Parse(line);

        Assert.NotNull(usage);
        Assert.Equal((sent, received), (usage.InputTokens, usage.OutputTokens));
    }

    [Fact]
    public void Parse_NoUsageLine_Null() => Assert.Null(AiderUsage.Parse("Aider v0.86.1\nApplied edit to a.py\n"));
}
