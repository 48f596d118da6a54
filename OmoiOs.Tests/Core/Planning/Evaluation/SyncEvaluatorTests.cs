using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class SyncEvaluatorTests
{
    private static SyncOutput Ready() => new()
    {
        Validation = new SyncValidation { AllRequirementsCovered = true, NoCircularDependencies = true, AllIdsValid = true },
        Coverage = [new CoverageEntry("REQ-RESET-FUNC-001", CoverageLevel.FullyCovered, ["TSK-001"]), new CoverageEntry("REQ-RESET-SEC-001", CoverageLevel.FullyCovered, ["TSK-002"])],
        Dependencies = new DependencyAnalysis { ParallelGroups = [["TSK-001"], ["TSK-002"]] },
        ReadyForExecution = true,
        TaskIdMap = new Dictionary<string, string> { ["TSK-001"] = "spec-task-x-tsk-001", ["TSK-002"] = "spec-task-x-tsk-002" },
    };

    [Fact]
    public void Evaluate_ReadySync_Passes()
    {
        var evaluation = new SyncEvaluator().Evaluate(Ready(), new PriorOutputs { Tasks = Tasks() });

        Assert.True(evaluation.Passed);
        Assert.Equal(1, evaluation.Score);
    }

    [Fact]
    public void Evaluate_FailedValidationAndBlocker_FailsHard()
    {
        var sync = Ready() with
        {
            Validation = new SyncValidation { AllRequirementsCovered = true, NoCircularDependencies = false, AllIdsValid = true, Issues = ["TSK-001 → TSK-002 → TSK-001"] },
            ReadyForExecution = false,
            Blockers = ["dependency cycle"],
        };

        var evaluation = new SyncEvaluator().Evaluate(sync, PriorOutputs.None);

        Assert.False(evaluation.Passed);
        Assert.Equal(
            "- [hard] validation_passed: the task graph has a cycle; TSK-001 → TSK-002 → TSK-001\n- [hard] ready_for_execution: dependency cycle",
            evaluation.Feedback);
    }

    [Fact]
    public void Evaluate_UnmappedTaskAndUncoveredRequirement_FailHard()
    {
        var sync = Ready() with
        {
            Coverage = [new CoverageEntry("REQ-RESET-SEC-001", CoverageLevel.NotCovered, [])],
            TaskIdMap = new Dictionary<string, string> { ["TSK-001"] = "spec-task-x-tsk-001" },
        };

        var evaluation = new SyncEvaluator().Evaluate(sync, new PriorOutputs { Tasks = Tasks() });

        Assert.False(evaluation.Passed);
        Assert.Equal(
            "- [hard] requirements_covered: REQ-RESET-SEC-001 is not covered\n- [hard] tasks_mapped: TSK-002 has no spec task record",
            evaluation.Feedback);
    }
}
