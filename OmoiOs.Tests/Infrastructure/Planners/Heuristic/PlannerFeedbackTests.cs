using OmoiOs.Infrastructure.Planners.Heuristic;


namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class PlannerFeedbackTests
{
    [Fact]
    public void Parse_EvaluatorFeedback_IdsUncoveredAndCriteria()
    {
        var feedback = PlannerFeedback.Parse("""
            - [hard] coverage: REQ-GREETING-FUNC-002 is not covered by any task
            - [hard] acceptance_criteria: REQ-GREETING-USE-001 has 1 acceptance criteria (at least 2 needed)
            """);

        Assert.Equal(["REQ-GREETING-FUNC-002", "REQ-GREETING-USE-001"], feedback.MentionedRequirements.Order());
        Assert.Equal(["REQ-GREETING-FUNC-002"], feedback.UncoveredRequirements);
        Assert.True(feedback.AsksForCriteria);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Parse_NoFeedback_None(string? text)
    {
        Assert.Same(PlannerFeedback.None, PlannerFeedback.Parse(text));
    }
}
