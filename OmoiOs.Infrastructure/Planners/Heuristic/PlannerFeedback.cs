using System.Text.RegularExpressions;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// What the heuristic planner can act on in an evaluator's or reviewer's feedback: the requirement ids it names,
/// which of them it calls uncovered, and whether it asks for more acceptance criteria.
/// </summary>
public sealed partial record PlannerFeedback
{
    public static readonly PlannerFeedback None = new();

    public IReadOnlySet<string> MentionedRequirements { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> UncoveredRequirements { get; init; } = new HashSet<string>();

    public bool AsksForCriteria { get; init; }

    [GeneratedRegex(@"\bREQ-[A-Z0-9]+-[A-Z]+-\d{3}\b")]
    private static partial Regex RequirementId();

    [GeneratedRegex(@"uncovered|not covered|by no |no task|missing", RegexOptions.IgnoreCase)]
    private static partial Regex Uncovered();

    [GeneratedRegex(@"criteri", RegexOptions.IgnoreCase)]
    private static partial Regex Criteria();

    public static PlannerFeedback Parse(string? feedback)
    {
        if (string.IsNullOrWhiteSpace(feedback))
        {
            return None;
        }

        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        var uncovered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in feedback.Split('\n'))
        {
            var ids = RequirementId().Matches(line).Select(m => m.Value).ToList();
            mentioned.UnionWith(ids);
            if (Uncovered().IsMatch(line))
            {
                uncovered.UnionWith(ids);
            }
        }

        return new PlannerFeedback
        {
            MentionedRequirements = mentioned,
            UncoveredRequirements = uncovered,
            AsksForCriteria = Criteria().IsMatch(feedback),
        };
    }
}
