using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class RequirementsEvaluatorTests
{
    private static PhaseEvaluation Evaluate(params PlannedRequirement[] requirements) =>
        new RequirementsEvaluator().Evaluate(new RequirementsOutput { Requirements = requirements }, PriorOutputs.None);

    [Fact]
    public void Evaluate_ValidRequirements_PassesWithFullScore()
    {
        var evaluation = new RequirementsEvaluator().Evaluate(Requirements(), PriorOutputs.None);

        Assert.True(evaluation.Passed);
        Assert.Equal(1, evaluation.Score);
        Assert.Equal("", evaluation.Feedback);
        Assert.Equal(SpecPhase.Requirements, evaluation.Phase);
    }

    [Fact]
    public void Evaluate_NoRequirements_FailsHard()
    {
        var evaluation = Evaluate();

        Assert.False(evaluation.Passed);
        Assert.Contains("- [hard] has_requirements: no requirements", evaluation.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MalformedId_FailsHardNamingTheFormat()
    {
        var evaluation = Evaluate(Requirement("REQ-1", "The system shall log."));

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] ids_well_formed: \"REQ-1\" does not match REQ-<FEATURE>-<FUNC|PERF|SEC|USE|REL|CON>-NNN", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_DuplicateIds_FailsHard()
    {
        var evaluation = Evaluate(
            Requirement("REQ-A-FUNC-001", "The system shall log."),
            Requirement("REQ-A-FUNC-001", "The system shall audit."));

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] ids_unique: REQ-A-FUNC-001 appears 2 times", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_NonEarsText_FailsHardWithTheFinding()
    {
        var evaluation = Evaluate(
            Requirement("REQ-A-FUNC-001", "The system shall log."),
            Requirement("REQ-A-FUNC-002", "If the disk is full, the system shall stop."));

        Assert.False(evaluation.Passed);
        Assert.Equal(
            "- [hard] ears_syntax: REQ-A-FUNC-002: if_without_then at 0 (an IF clause needs THEN before the system: \"If <trigger>, then the <system> shall <response>\")",
            evaluation.Feedback);
        var check = evaluation.Checks.Single(c => c.Name == "ears_syntax");
        Assert.True(check.Hard);
    }

    [Fact]
    public void Evaluate_OneCriterion_FailsHard()
    {
        var evaluation = Evaluate(Requirement("REQ-A-FUNC-001", "The system shall log.", "only one"));

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] acceptance_criteria: REQ-A-FUNC-001 has 1 acceptance criteria (at least 2 needed)", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_BlankCriteria_DoNotCount()
    {
        var evaluation = Evaluate(Requirement("REQ-A-FUNC-001", "The system shall log.", "real", "  "));

        Assert.False(evaluation.Checks.Single(c => c.Name == "acceptance_criteria").Passed);
    }

    [Fact]
    public void Evaluate_DependencyOnUnknownRequirement_FailsHard()
    {
        var evaluation = Evaluate(Requirement("REQ-A-FUNC-001", "The system shall log.") with { Dependencies = ["REQ-A-FUNC-404"] });

        Assert.Equal("- [hard] dependencies_resolve: REQ-A-FUNC-001 depends on unknown REQ-A-FUNC-404", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_VagueWordAndWrongType_AreSoftAndStillPass()
    {
        var evaluation = Evaluate(
            Requirement("REQ-A-PERF-001", "The system shall respond quickly.") with { Type = RequirementCategory.Functional },
            Requirement("REQ-A-FUNC-001", "The system shall log every request."));

        Assert.True(evaluation.Passed);
        Assert.Equal(
            "- [soft] ears_quality: REQ-A-PERF-001: vague_word at 25 (\"quickly\" is vague: replace it with a measurable criterion)\n"
            + "- [soft] category_matches_id: REQ-A-PERF-001 names PERF but its type is functional",
            evaluation.Feedback);
        Assert.True(evaluation.Score < 1);
    }

    [Fact]
    public void Evaluate_HalfTheRequirementsFailAHardCheck_EarnsPartialCreditButFails()
    {
        var evaluation = Evaluate(
            Requirement("REQ-A-FUNC-001", "The system shall log.", "one"),
            Requirement("REQ-A-FUNC-002", "The system shall audit."));

        Assert.False(evaluation.Passed);
        Assert.InRange(evaluation.Score, 0.85, 0.95);
    }
}
