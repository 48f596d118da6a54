using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmoiOs.Core.Planning;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

public static class HeuristicPlannerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the heuristic planner as the keyed <see cref="IPlanner"/> <c>"heuristic"</c>
    /// (resolve it with <c>GetRequiredKeyedService&lt;IPlanner&gt;("heuristic")</c>) and the repository scanner it uses.
    /// It reads no settings, so it needs no configuration.
    /// </summary>
    public static IServiceCollection AddHeuristicPlanner(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new RepositoryScanLimits());
        services.TryAddSingleton<GitStateReader>();
        services.TryAddSingleton<RepositoryScanner>();
        services.TryAddKeyedSingleton<IPlanner, HeuristicPlanner>(HeuristicPlanner.PlannerName);
        return services;
    }
}
