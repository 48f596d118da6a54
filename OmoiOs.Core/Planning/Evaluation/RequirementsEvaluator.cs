using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Ears;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>REQUIREMENTS: well-formed unique keys, EARS sentences without errors, at least two criteria each, whole-phrase titles.</summary>
public sealed class RequirementsEvaluator : IPhaseOutputEvaluator<RequirementsOutput>
{
    public const int MinimumAcceptanceCriteria = 2;

    public PhaseEvaluation Evaluate(RequirementsOutput output, PriorOutputs prior)
    {
        ArgumentNullException.ThrowIfNull(output);
        var requirements = output.Requirements;
        var count = requirements.Count;
        var checks = new CheckList();
        checks.Add("has_requirements", hard: true, weight: 1, count > 0, count > 0 ? $"{count} requirements" : "no requirements");

        checks.Add("ids_well_formed", hard: true, weight: 2, count,
            requirements.Where(r => !PlanningKeys.IsRequirementKey(r.Id))
                .Select(r => $"\"{r.Id}\" does not match {PlanningKeys.RequirementKeyFormat}").ToList(),
            "every id is well formed");
        checks.Add("ids_unique", hard: true, weight: 2, count, CheckList.Duplicates(requirements.Select(r => r.Id)), "every id is unique");

        var parsed = requirements.Select(r => (r.Id, Result: EarsParser.Parse(r.Text))).ToList();
        checks.Add("ears_syntax", hard: true, weight: 3, count,
            parsed.Where(p => p.Result.HasErrors)
                .Select(p => $"{p.Id}: {string.Join(", ", p.Result.Findings.Where(f => f.Severity == EarsSeverity.Error).Select(Describe))}")
                .ToList(),
            "every requirement is EARS");
        checks.Add("acceptance_criteria", hard: true, weight: 2, count,
            requirements.Select(r => (r.Id, Count: r.AcceptanceCriteria.Count(c => !string.IsNullOrWhiteSpace(c))))
                .Where(r => r.Count < MinimumAcceptanceCriteria)
                .Select(r => $"{r.Id} has {r.Count} acceptance criteria (at least {MinimumAcceptanceCriteria} needed)")
                .ToList(),
            $"every requirement has at least {MinimumAcceptanceCriteria}");

        var ids = requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        checks.Add("dependencies_resolve", hard: true, weight: 1, count,
            requirements.SelectMany(r => r.Dependencies.Where(d => !ids.Contains(d)).Select(d => $"{r.Id} depends on unknown {d}")).ToList(),
            "every dependency names a requirement");

        checks.Add("ears_quality", hard: false, weight: 1, count,
            parsed.Where(p => p.Result.Findings.Any(f => f.Severity == EarsSeverity.Warning))
                .Select(p => $"{p.Id}: {string.Join(", ", p.Result.Findings.Where(f => f.Severity == EarsSeverity.Warning).Select(Describe))}")
                .ToList(),
            "no vague words or loose phrasing");
        checks.Add("category_matches_id", hard: false, weight: 0.5, count,
            requirements.Select(r => (r.Id, r.Type, Named: PlanningKeys.TryGetCategory(r.Id, out var category) ? category : r.Type))
                .Where(r => r.Named != r.Type)
                .Select(r => $"{r.Id} names {PlanningKeys.CategoryCode(r.Named)} but its type is {r.Type.ToWire()}")
                .ToList(),
            "every type agrees with its id");
        checks.Add("titles_present", hard: false, weight: 0.5, count,
            requirements.Where(r => string.IsNullOrWhiteSpace(r.Title)).Select(r => $"{r.Id} has no title").ToList(), "every requirement has a title");
        GroundingChecks.AddRequirements(checks, output);
        return checks.Build(SpecPhase.Requirements);
    }

    private static string Describe(EarsFinding finding) => $"{finding.Rule.ToWire()} at {finding.Start} ({finding.Message})";
}
