using OmoiOs.Core.Planning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Infrastructure.Planners.Anthropic;
using OmoiOs.Infrastructure.Planners.AzureOpenAi;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Infrastructure.Planners.OpenAi;
using OmoiOs.Infrastructure.Planners.Selection;

namespace OmoiOs.Infrastructure.Planners;

/// <summary>Registers the LLM planners and the planner selector.</summary>
public static class PlannerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPlannerSelector"/> and, as keyed <see cref="Core.Planning.IPlanner"/> services, the LLM planner named by
    /// <c>OMOI_PLANNER</c> plus every other LLM planner whose model (or deployment) is configured, so a spec may pick any of them.
    /// The settings of every registered planner are validated at start. The <c>heuristic</c> planner is registered by its own area.
    /// </summary>
    public static IServiceCollection AddPlanners(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PlannerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPlannerSelector, PlannerSelector>();

        // The LLM planners list the repository's files with the heuristic planner's scanner, so every planner grounds its plan in the same file list.
        services.AddHeuristicPlanner();

        var selected = configuration.Get<PlannerOptions>()?.Planner ?? PlannerNames.Heuristic;
        if (selected == PlannerNames.OpenAi || IsSet(configuration.Get<OpenAiPlannerOptions>()?.Model))
        {
            OpenAiPlanner.Register(services, configuration);
        }

        if (selected == PlannerNames.AzureOpenAi || IsSet(configuration.Get<AzureOpenAiPlannerOptions>()?.Deployment))
        {
            AzureOpenAiPlanner.Register(services, configuration);
        }

        if (selected == PlannerNames.Anthropic || IsSet(configuration.Get<AnthropicPlannerOptions>()?.Model))
        {
            AnthropicPlanner.Register(services, configuration);
        }

        return services;
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
