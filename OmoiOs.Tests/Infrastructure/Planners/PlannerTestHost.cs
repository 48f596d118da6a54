using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners;

namespace OmoiOs.Tests.Infrastructure.Planners;

/// <summary>A service provider built by <see cref="PlannerServiceCollectionExtensions.AddPlanners"/> from flat settings, validated as at host start.</summary>
internal static class PlannerTestHost
{
    /// <summary>Short limits so failure paths finish quickly: 1 s per attempt, 5 s in all, 10 ms first backoff, 2 retries.</summary>
    public static IReadOnlyDictionary<string, string?> FastLimits { get; } = new Dictionary<string, string?>
    {
        [PlannerOptions.AttemptTimeoutKey] = "00:00:01",
        [PlannerOptions.TotalTimeoutKey] = "00:00:05",
        [PlannerOptions.RetryDelayKey] = "00:00:00.010",
        [PlannerOptions.MaxRetriesKey] = "2",
    };

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(FastLimits)
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPlanners(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    public static IPlanner Planner(this ServiceProvider provider, string name) =>
        provider.GetRequiredService<IPlannerSelector>().Resolve(name);
}
