using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Tests.Core.Execution.Usage;

public sealed class CodexUsageTests
{
    [Fact]
    public void Parse_RecordedExecJson_TokensFromTurnCompletedCostAtTheDefaultModelsPrice()
    {
        var usage = CodexUsage.Parse(AgentOutputs.Codex);

        // 315 uncached input at $1.25/M, 24,448 cached at $0.125/M, 122 output at $10/M.
        Assert.Equal(new AgentUsage(24763, 122, 0.00466975m), usage);
    }

    [Fact]
    public void Parse_TwoTurns_Summed() =>
        Assert.Equal(
            new AgentUsage(3_000_000, 0, 3.75m),
            CodexUsage.Parse("""
                {"type":"turn.completed","usage":{"input_tokens":1000000,"cached_input_tokens":0,"output_tokens":0}}
                {"type":"turn.completed","usage":{"input_tokens":2000000,"cached_input_tokens":0,"output_tokens":0}}
                """));

    [Fact]
    public void Parse_ClaudeOutput_Null() => Assert.Null(CodexUsage.Parse(AgentOutputs.Claude));
}
