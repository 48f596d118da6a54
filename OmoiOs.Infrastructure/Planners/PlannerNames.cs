namespace OmoiOs.Infrastructure.Planners;

/// <summary>The planner names accepted by <c>OMOI_PLANNER</c> and a spec's <c>options.planner</c>; each is a keyed <see cref="Core.Planning.IPlanner"/>.</summary>
public static class PlannerNames
{
    public const string Heuristic = "heuristic";
    public const string OpenAi = "openai";
    public const string AzureOpenAi = "azure-openai";
    public const string Anthropic = "anthropic";

    public static IReadOnlyList<string> All { get; } = [Heuristic, OpenAi, AzureOpenAi, Anthropic];
}
