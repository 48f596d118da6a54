using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class ExploreEvaluatorTests
{
    [Fact]
    public void Evaluate_CompleteExploration_Passes()
    {
        var evaluation = new ExploreEvaluator().Evaluate(Explore(), PriorOutputs.None);

        Assert.True(evaluation.Passed);
        Assert.Equal(1, evaluation.Score);
    }

    [Fact]
    public void Evaluate_NoSummaryNoKeyFiles_FailsHard()
    {
        var evaluation = new ExploreEvaluator().Evaluate(Explore() with { CodebaseSummary = " ", KeyFiles = [] }, PriorOutputs.None);

        Assert.False(evaluation.Passed);
        Assert.Equal(
            "- [hard] codebase_summary: codebaseSummary is empty\n"
            + "- [hard] key_files: keyFiles lists no file: name the files the feature will touch or imitate",
            evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_OnlyTheHardParts_FailsOnScoreAlone()
    {
        var evaluation = new ExploreEvaluator().Evaluate(
            new ExploreOutput { CodebaseSummary = "A CLI.", KeyFiles = [new PathPurpose("main.go", "entry")] },
            PriorOutputs.None);

        Assert.All(evaluation.Checks.Where(c => c.Hard), c => Assert.True(c.Passed));
        Assert.False(evaluation.Passed);
        Assert.InRange(evaluation.Score, 0.6, 0.7);
        Assert.Contains("- [soft] feature_summary: featureSummary.name is empty; featureSummary.problemStatement is empty", evaluation.Feedback, StringComparison.Ordinal);
    }
}
