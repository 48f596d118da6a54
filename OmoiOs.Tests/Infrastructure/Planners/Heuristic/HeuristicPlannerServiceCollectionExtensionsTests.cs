using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class HeuristicPlannerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddHeuristicPlanner_Resolved_KeyedHeuristicPlanner()
    {
        using var provider = new ServiceCollection().AddHeuristicPlanner().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var planner = provider.GetRequiredKeyedService<IPlanner>("heuristic");

        Assert.IsType<HeuristicPlanner>(planner);
        Assert.Same(planner, provider.GetRequiredKeyedService<IPlanner>(HeuristicPlanner.PlannerName));
    }

    [Fact]
    public void AddHeuristicPlanner_CalledTwice_OnePlanner()
    {
        var services = new ServiceCollection().AddHeuristicPlanner().AddHeuristicPlanner();

        Assert.Single(services, d => d.ServiceKey as string == "heuristic");
    }
}
