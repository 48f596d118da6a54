using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class PhaseEvaluatorTests
{
    private static PhaseEvaluator CreateSut() => new();

    [Fact]
    public void Evaluate_NotJson_FailsWithFeedbackInsteadOfThrowing()
    {
        var outcome = CreateSut().Evaluate(SpecPhase.Requirements, "Sorry, I cannot help with that.");

        Assert.Null(outcome.Output);
        Assert.False(outcome.Evaluation.Passed);
        Assert.Equal(0, outcome.Evaluation.Score);
        Assert.Equal("- [hard] output_parses: $: no JSON object found in the output, which begins \"Sorry, I cannot help with that.\"", outcome.Evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_WrongShape_FailsWithThePath()
    {
        var outcome = CreateSut().EvaluateTasks("""{"tasks": "none yet"}""", Requirements());

        Assert.Null(outcome.Output);
        Assert.Equal("- [hard] output_parses: $.tasks: expected an array, found \"none yet\"", outcome.Evaluation.Feedback);
        Assert.Equal(SpecPhase.Tasks, outcome.Evaluation.Phase);
    }

    [Fact]
    public void Evaluate_EmptyReply_Fails()
    {
        var outcome = CreateSut().EvaluateExplore(null);

        Assert.Equal("- [hard] output_parses: $: the output is empty", outcome.Evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_ValidRequirementsInFence_ReturnsTypedOutputAndPasses()
    {
        var outcome = CreateSut().Evaluate(SpecPhase.Requirements, $"```json\n{Json(Requirements())}\n```");

        var output = Assert.IsType<RequirementsOutput>(outcome.Output);
        Assert.Equal(2, output.Requirements.Count);
        Assert.True(outcome.Evaluation.Passed);
    }

    [Fact]
    public void Evaluate_TasksWithPriorRequirements_ChecksCoverage()
    {
        var tasks = Tasks() with { Tasks = [Tasks().Tasks[0]], CriticalPath = [] };

        var outcome = CreateSut().Evaluate(SpecPhase.Tasks, Json(tasks), new PriorOutputs { Requirements = Requirements() });

        Assert.NotNull(outcome.Output);
        Assert.False(outcome.Evaluation.Passed);
        Assert.Equal("- [hard] requirements_covered: REQ-RESET-SEC-001 is addressed by no task", outcome.Evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_TasksWithCycle_FeedbackNamesTheCycle()
    {
        var tasks = new TasksOutput
        {
            Tasks =
            [
                Task("TSK-001", [], ["REQ-RESET-FUNC-001", "REQ-RESET-SEC-001"]),
                Task("TSK-002", ["TSK-005"], []),
                Task("TSK-005", ["TSK-002"], []),
            ],
        };

        var outcome = CreateSut().EvaluateTasks(Json(tasks), Requirements());

        Assert.Equal("- [hard] no_dependency_cycles: TSK-002 → TSK-005 → TSK-002", outcome.Evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_DesignExploreAndSync_UseTheirEvaluators()
    {
        var sut = CreateSut();

        Assert.True(sut.EvaluateDesign(Json(Design()), Requirements()).Evaluation.Passed);
        Assert.True(sut.Evaluate(SpecPhase.Explore, Json(Explore())).Evaluation.Passed);
        var sync = sut.EvaluateSync(Json(new SyncOutput()), Tasks());
        Assert.False(sync.Evaluation.Passed);
        Assert.Equal(SpecPhase.Sync, sync.Evaluation.Phase);
    }

    [Theory]
    [InlineData(SpecPhase.Execute)]
    [InlineData(SpecPhase.Complete)]
    public void Evaluate_PhaseWithoutPlannerOutput_Throws(SpecPhase phase)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Evaluate(phase, "{}"));
    }
}
