using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class DesignEvaluatorTests
{
    private static readonly PriorOutputs WithRequirements = new() { Requirements = Requirements() };

    [Fact]
    public void Evaluate_ValidDesign_ServesRequirementsByListOrMention()
    {
        var evaluation = new DesignEvaluator().Evaluate(Design(), WithRequirements);

        Assert.True(evaluation.Passed);
        Assert.Equal(1, evaluation.Score);
    }

    [Fact]
    public void Evaluate_RequirementNeitherServedNorMentioned_FailsHard()
    {
        var design = Design() with { Components = [Design().Components[0]] };

        var evaluation = new DesignEvaluator().Evaluate(design, WithRequirements);

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] requirements_served: REQ-RESET-SEC-001 is served by no component and mentioned nowhere in the design", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_NoComponents_FailsHard()
    {
        var evaluation = new DesignEvaluator().Evaluate(Design() with { Components = [] }, PriorOutputs.None);

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] has_components: no components", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_IncompleteComponentAndBadEndpoint_AreSoftFindings()
    {
        var design = Design() with
        {
            Components = [.. Design().Components, new DesignComponent { Name = "Mailer", Requirements = ["REQ-RESET-FUNC-009"] }],
            ApiEndpoints = [new ApiEndpoint { Method = "FETCH", Path = "reset" }],
        };

        var evaluation = new DesignEvaluator().Evaluate(design, WithRequirements);

        Assert.True(evaluation.Passed);
        Assert.Equal(
            "- [soft] component_references_valid: Mailer serves unknown REQ-RESET-FUNC-009\n"
            + "- [soft] components_complete: Mailer lacks filePath and responsibility\n"
            + "- [soft] endpoints_well_formed: \"FETCH reset\" needs an HTTP method and a path starting with /",
            evaluation.Feedback);
    }
}
