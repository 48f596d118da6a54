using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class TasksEvaluatorTests
{
    private static readonly PriorOutputs WithRequirements = new() { Requirements = Requirements() };

    private static PhaseEvaluation Evaluate(PriorOutputs prior, params PlannedTask[] tasks) =>
        new TasksEvaluator().Evaluate(new TasksOutput { Tasks = tasks }, prior);

    [Fact]
    public void Evaluate_ValidTasks_PassesWithFullScore()
    {
        var evaluation = new TasksEvaluator().Evaluate(Tasks(), WithRequirements);

        Assert.True(evaluation.Passed);
        Assert.Equal(1, evaluation.Score);
        Assert.Contains(evaluation.Checks, c => c.Name == "requirements_covered" && c.Passed);
    }

    [Fact]
    public void Evaluate_WithoutRequirements_LeavesCoverageOut()
    {
        var evaluation = new TasksEvaluator().Evaluate(Tasks(), PriorOutputs.None);

        Assert.True(evaluation.Passed);
        Assert.DoesNotContain(evaluation.Checks, c => c.Name == "requirements_covered");
    }

    [Fact]
    public void Evaluate_Cycle_FailsHardWithThePath()
    {
        var evaluation = Evaluate(
            WithRequirements,
            Task("TSK-001", [], ["REQ-RESET-FUNC-001"]),
            Task("TSK-002", ["TSK-005"], ["REQ-RESET-SEC-001"]),
            Task("TSK-005", ["TSK-002"], []));

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] no_dependency_cycles: TSK-002 → TSK-005 → TSK-002", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_DanglingDependency_FailsHard()
    {
        var evaluation = Evaluate(
            WithRequirements,
            Task("TSK-001", ["TSK-009"], ["REQ-RESET-FUNC-001", "REQ-RESET-SEC-001"]));

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] dependencies_exist: TSK-001 depends on unknown TSK-009", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_UncoveredRequirement_FailsHard()
    {
        var evaluation = Evaluate(WithRequirements, Task("TSK-001", [], ["REQ-RESET-FUNC-001"]));

        Assert.False(evaluation.Passed);
        Assert.Equal("- [hard] requirements_covered: REQ-RESET-SEC-001 is addressed by no task", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_UnknownRequirementReference_FailsHard()
    {
        var evaluation = Evaluate(WithRequirements, Task("TSK-001", [], ["REQ-RESET-FUNC-001", "REQ-RESET-SEC-001", "REQ-RESET-FUNC-404"]));

        Assert.Equal("- [hard] requirement_references_valid: TSK-001 addresses unknown REQ-RESET-FUNC-404", evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_MalformedAndDuplicateIds_FailHard()
    {
        var evaluation = Evaluate(
            PriorOutputs.None,
            Task("T-1", [], []),
            Task("TSK-001", [], []),
            Task("TSK-001", [], []));

        Assert.False(evaluation.Passed);
        Assert.Equal(
            "- [hard] ids_well_formed: \"T-1\" does not match TSK-NNN\n- [hard] ids_unique: TSK-001 appears 2 times",
            evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_NoTasks_FailsHard()
    {
        Assert.Contains("- [hard] has_tasks: no tasks", Evaluate(PriorOutputs.None).Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LongEstimateAndNoFiles_AreSoftFindings()
    {
        var evaluation = Evaluate(
            PriorOutputs.None,
            Task("TSK-001", [], [], hours: 6) with { FilesToModify = [] },
            Task("TSK-002", [], []));

        Assert.True(evaluation.Passed);
        Assert.Equal(
            "- [soft] estimates_in_range: TSK-001 is estimated at 6 h (expected 1–4 h; split larger tasks)\n"
            + "- [soft] files_declared: TSK-001 names no file to create or modify",
            evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_CriticalPathNotAChain_IsASoftFinding()
    {
        var output = Tasks() with { CriticalPath = ["TSK-002", "TSK-001", "TSK-404"] };

        var evaluation = new TasksEvaluator().Evaluate(output, WithRequirements);

        Assert.True(evaluation.Passed);
        Assert.Equal("- [soft] critical_path_valid: TSK-001 does not depend on TSK-002; TSK-404 is not a task", evaluation.Feedback);
    }
}
