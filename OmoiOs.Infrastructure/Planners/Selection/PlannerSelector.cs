using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;

namespace OmoiOs.Infrastructure.Planners.Selection;

/// <summary>Resolves planners as keyed <see cref="IPlanner"/> services, one key per planner name.</summary>
internal sealed class PlannerSelector(IServiceProvider services, IOptions<PlannerOptions> options) : IPlannerSelector
{
    public const string Field = "planner";

    public string DefaultName => options.Value.Planner;

    public IPlanner Resolve(string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        if (services.GetKeyedService<IPlanner>(key) is { } planner)
        {
            return planner;
        }

        throw new ValidationFailedException(
            Field,
            PlannerNames.All.Contains(key, StringComparer.Ordinal)
                ? $"Planner '{key}' is not configured on this host; give it its settings (see docs/planners.md) or choose another."
                : $"Unknown planner '{key}'; expected one of {string.Join(", ", PlannerNames.All)}.");
    }
}
