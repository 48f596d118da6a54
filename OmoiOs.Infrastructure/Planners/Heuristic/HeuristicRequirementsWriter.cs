using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// REQUIREMENTS from the spec text alone: each statement of the description becomes one EARS requirement
/// (key <c>REQ-&lt;FEATURE&gt;-&lt;CAT&gt;-NNN</c>) with its category, priority and acceptance criteria.
/// </summary>
public static class HeuristicRequirementsWriter
{
    private const int MinSharedStemsForDependency = 2;

    /// <summary>A shorter response ("use its value") gets its condition in the title.</summary>
    private const int MinTitleWords = 4;

    /// <summary>Longer responses are shortened where a clause or phrase ends, never mid-clause.</summary>
    private const int MaxTitleWords = 10;

    public static RequirementsOutput Write(string title, string description, PlannerFeedback feedback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(feedback);
        var statements = SpecStatementSplitter.Split(description);
        var assumptions = new List<string> { "Each statement of the description became one requirement, in the order written." };
        var texts = statements.Requirements;
        if (texts.Count == 0)
        {
            texts = [$"Provide {title}"];
            assumptions.Add("The description has no statement of three words or more, so the title became the only requirement.");
        }

        if (statements.Omitted > 0)
        {
            assumptions.Add(Words.Invariant($"Only the first {SpecStatementSplitter.MaxStatements} statements became requirements; {statements.Omitted} more were left for a later spec."));
        }

        if (statements.Shortened > 0)
        {
            assumptions.Add(Words.Invariant($"{statements.Shortened} statements longer than {SpecStatementSplitter.MaxStatementLength} characters were cut at a word boundary."));
        }

        var feature = FeatureKey.FromTitle(title);
        var counters = new Dictionary<RequirementCategory, int>();
        var requirements = new List<PlannedRequirement>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var statement in texts)
        {
            var draft = EarsWriter.Write(statement);
            notes.UnionWith(draft.Notes);
            var category = RequirementClassifier.Categorize(statement);
            counters[category] = counters.GetValueOrDefault(category) + 1;
            var id = Words.Invariant($"REQ-{feature}-{RequirementClassifier.Code(category)}-{counters[category]:000}");
            requirements.Add(new PlannedRequirement
            {
                Id = id,
                Title = TitleOf(draft),
                Type = category,
                Priority = RequirementClassifier.Prioritize(statement, category),
                Text = draft.Text,
                Condition = draft.Condition,
                Action = draft.Response,
                AcceptanceCriteria = AcceptanceCriteriaWriter.Write(draft, feedback.AsksForCriteria && (feedback.MentionedRequirements.Count == 0 || feedback.MentionedRequirements.Contains(id))),
            });
        }

        assumptions.AddRange(notes.Select(n => Words.Capitalize(n) + "."));
        return new RequirementsOutput
        {
            Requirements = WithDependencies(requirements),
            Assumptions = assumptions,
            OutOfScope = statements.OutOfScope.Count > 0
                ? statements.OutOfScope
                : ["Changes the description does not ask for, such as refactoring unrelated code."],
            OpenQuestions = OpenQuestions(statements, notes),
        };
    }

    private static string TitleOf(EarsDraft draft)
    {
        var response = draft.Response.StartsWith("ensure that ", StringComparison.Ordinal) ? draft.Response["ensure that ".Length..] : draft.Response;
        if (response.Split(' ').Length < MinTitleWords && draft.Condition.Length > 0)
        {
            response = $"{response} {Words.Decapitalize(draft.Condition)}";
        }

        return Words.Capitalize(Phrases.Shorten(response, MaxTitleWords));
    }

    /// <summary>A conditional requirement depends on the earlier unconditional one it refines (they share at least two key words).</summary>
    private static List<PlannedRequirement> WithDependencies(List<PlannedRequirement> requirements)
    {
        var result = new List<PlannedRequirement>(requirements.Count);
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement.Condition.Length > 0)
            {
                var stems = Words.KeyStems(requirement.Text);
                var basis = requirements.Take(i).LastOrDefault(r => r.Condition.Length == 0 && Words.KeyStems(r.Text).Count(stems.Contains) >= MinSharedStemsForDependency);
                if (basis is not null)
                {
                    requirement = requirement with { Dependencies = [basis.Id] };
                }
            }

            result.Add(requirement);
        }

        return result;
    }

    private static List<string> OpenQuestions(SpecStatements statements, IEnumerable<string> notes)
    {
        var questions = statements.Questions.ToList();
        if (notes.Any(n => n.Contains(EarsPhrases.TimeBound, StringComparison.Ordinal)))
        {
            questions.Add($"Is '{EarsPhrases.TimeBound}' the right bound where the description asks for speed?");
        }

        if (questions.Count == 0)
        {
            questions.Add("Can any of these requirements wait for a later iteration?");
        }

        return questions;
    }
}
