namespace OmoiOs.Core.Execution.Usage;

/// <summary>Tokens and cost an agent reported for one run; zero when it reported nothing.</summary>
public sealed record AgentUsage(long InputTokens, long OutputTokens, decimal CostUsd)
{
    public static AgentUsage None { get; } = new(0, 0, 0m);
}
