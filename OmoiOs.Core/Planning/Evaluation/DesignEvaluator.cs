using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>DESIGN: components exist, every requirement is served by a component or referenced in the design, and new files and spec-named files fit the repository (<see cref="GroundingChecks"/>).</summary>
public sealed class DesignEvaluator : IPhaseOutputEvaluator<DesignOutput>
{
    private static readonly HashSet<string> HttpMethods = new(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], StringComparer.OrdinalIgnoreCase);

    public PhaseEvaluation Evaluate(DesignOutput output, PriorOutputs prior)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(prior);
        var components = output.Components;
        var checks = new CheckList();
        checks.Add("has_components", hard: true, weight: 2, components.Count > 0,
            components.Count > 0 ? $"{components.Count} components" : "no components");

        if (prior.Requirements is { } requirements)
        {
            var served = components.SelectMany(c => c.Requirements).ToHashSet(StringComparer.Ordinal);
            var prose = Prose(output);
            checks.Add("requirements_served", hard: true, weight: 3, requirements.Requirements.Count,
                requirements.Requirements
                    .Where(r => !served.Contains(r.Id) && !prose.Contains(r.Id, StringComparison.Ordinal))
                    .Select(r => $"{r.Id} is served by no component and mentioned nowhere in the design")
                    .ToList(),
                "every requirement is served or referenced");
            var known = requirements.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            checks.Add("component_references_valid", hard: false, weight: 1, components.Count,
                components.SelectMany(c => c.Requirements.Where(r => !known.Contains(r)).Select(r => $"{c.Name} serves unknown {r}")).ToList(),
                "every served requirement exists");
        }

        checks.Add("components_complete", hard: false, weight: 1, components.Count,
            components.Select(Missing).Where(m => m is not null).Select(m => m!).ToList(),
            "every component has a name, a file and a responsibility");
        checks.Add("component_names_unique", hard: false, weight: 0.5, components.Count,
            CheckList.Duplicates(components.Select(c => c.Name)), "every name is unique");
        checks.Add("architecture_overview", hard: false, weight: 1, !string.IsNullOrWhiteSpace(output.ArchitectureOverview),
            string.IsNullOrWhiteSpace(output.ArchitectureOverview) ? "architectureOverview is empty" : "present");
        checks.Add("testing_strategy", hard: false, weight: 0.5, !string.IsNullOrWhiteSpace(output.TestingStrategy),
            string.IsNullOrWhiteSpace(output.TestingStrategy) ? "testingStrategy is empty" : "present");
        checks.Add("error_handling", hard: false, weight: 0.5, !string.IsNullOrWhiteSpace(output.ErrorHandling),
            string.IsNullOrWhiteSpace(output.ErrorHandling) ? "errorHandling is empty" : "present");
        if (output.ApiEndpoints.Count > 0)
        {
            checks.Add("endpoints_well_formed", hard: false, weight: 0.5, output.ApiEndpoints.Count,
                output.ApiEndpoints.Where(e => !HttpMethods.Contains(e.Method) || !e.Path.StartsWith('/'))
                    .Select(e => $"\"{e.Method} {e.Path}\" needs an HTTP method and a path starting with /").ToList(),
                "every endpoint has a method and a path");
        }

        GroundingChecks.AddDesign(checks, output, prior);
        return checks.Build(SpecPhase.Design);
    }

    private static string? Missing(DesignComponent component)
    {
        var missing = new[] { ("name", component.Name), ("filePath", component.FilePath), ("responsibility", component.Responsibility) }
            .Where(field => string.IsNullOrWhiteSpace(field.Item2))
            .Select(field => field.Item1)
            .ToList();
        var name = string.IsNullOrWhiteSpace(component.Name) ? "a component" : component.Name;
        return missing.Count == 0 ? null : $"{name} lacks {string.Join(" and ", missing)}";
    }

    /// <summary>Every free text of the design, where a requirement may be referenced by its id.</summary>
    private static string Prose(DesignOutput output) => string.Join(
        "\n",
        new[] { output.ArchitectureOverview, output.ErrorHandling, output.TestingStrategy, output.SecurityConsiderations }
            .Concat(output.Components.SelectMany(c => c.Interfaces.Append(c.Responsibility)))
            .Concat(output.DataModels.Select(m => m.Description))
            .Concat(output.ApiEndpoints.SelectMany(e => new[] { e.Request, e.Response })));
}
