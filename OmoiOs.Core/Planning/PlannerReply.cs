namespace OmoiOs.Core.Planning;

/// <summary>A planner's raw JSON for a phase, and what producing it cost.</summary>
public sealed record PlannerReply(string Json, PlannerUsage Usage);

public sealed record PlannerUsage(long InputTokens, long OutputTokens, decimal CostUsd, string Model)
{
    public static PlannerUsage None(string model) => new(0, 0, 0m, model);
}
