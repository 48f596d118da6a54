using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>EXPLORE must say what the codebase is and which files matter; the rest earns score.</summary>
public sealed class ExploreEvaluator : IPhaseOutputEvaluator<ExploreOutput>
{
    public PhaseEvaluation Evaluate(ExploreOutput output, PriorOutputs prior)
    {
        ArgumentNullException.ThrowIfNull(output);
        var checks = new CheckList();
        checks.Add("codebase_summary", hard: true, weight: 2, !string.IsNullOrWhiteSpace(output.CodebaseSummary),
            string.IsNullOrWhiteSpace(output.CodebaseSummary) ? "codebaseSummary is empty" : "present");

        var keyFiles = output.KeyFiles.Where(f => !string.IsNullOrWhiteSpace(f.Path)).ToList();
        checks.Add("key_files", hard: true, weight: 2, keyFiles.Count > 0,
            keyFiles.Count > 0 ? $"{keyFiles.Count} key files" : "keyFiles lists no file: name the files the feature will touch or imitate");

        checks.Add("key_file_purposes", hard: false, weight: 0.5, keyFiles.Count,
            keyFiles.Where(f => string.IsNullOrWhiteSpace(f.Purpose)).Select(f => $"{f.Path} has no purpose").ToList(), "every key file has a purpose");
        checks.Add("project_type", hard: false, weight: 0.5, !string.IsNullOrWhiteSpace(output.ProjectType),
            string.IsNullOrWhiteSpace(output.ProjectType) ? "projectType is empty" : output.ProjectType);
        checks.Add("tech_stack", hard: false, weight: 0.5, output.TechStack.Count > 0,
            output.TechStack.Count > 0 ? string.Join(", ", output.TechStack) : "techStack is empty");
        checks.Add("structure", hard: false, weight: 0.5, output.Structure.Count > 0,
            output.Structure.Count > 0 ? $"{output.Structure.Count} entries" : "structure is empty");

        var feature = output.FeatureSummary;
        var featureProblems = new List<string>();
        if (string.IsNullOrWhiteSpace(feature.Name))
        {
            featureProblems.Add("featureSummary.name is empty");
        }

        if (string.IsNullOrWhiteSpace(feature.ProblemStatement))
        {
            featureProblems.Add("featureSummary.problemStatement is empty");
        }

        checks.Add("feature_summary", hard: false, weight: 1, 2, featureProblems, "named, with a problem statement");
        return checks.Build(SpecPhase.Explore);
    }
}
