using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using static OmoiOs.Tests.Core.Planning.PlanningBuilders;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

/// <summary>The grounding hard checks on the plan issue 11 saw on pallets/itsdangerous.</summary>
public sealed class GroundingChecksTests
{
    private const string SpecText = "Default max_age\nThe change goes in `timed.py`. Tests go in `tests/test_itsdangerous/test_timed.py`.";

    private static readonly ExploreOutput ItsdangerousExplore = Explore() with
    {
        Files =
        [
            "CHANGES.rst", "src/itsdangerous/__init__.py", "src/itsdangerous/signer.py", "src/itsdangerous/timed.py",
            "tests/test_itsdangerous/__init__.py", "tests/test_itsdangerous/test_signer.py", "tests/test_itsdangerous/test_timed.py",
        ],
    };

    private static readonly RequirementsOutput DefaultMaxAge = new()
    {
        Requirements =
        [
            Requirement("REQ-DEFAULTMAX-FUNC-001", "The TimestampSigner shall use its default max_age when unsign is given none.") with
            {
                Title = "Use its default max_age when unsign is given none",
                Action = "use its default max_age when unsign is given none",
            },
        ],
    };

    private static readonly PriorOutputs Prior = new() { Explore = ItsdangerousExplore, Requirements = DefaultMaxAge, SpecText = SpecText };

    private static PlannedTask Task(string id, string title, string[] create, string[] modify, SpecTaskType type = SpecTaskType.Implementation) => new()
    {
        Id = id,
        Title = title,
        Type = type,
        EstimatedHours = 2,
        RequirementsAddressed = ["REQ-DEFAULTMAX-FUNC-001"],
        FilesToCreate = create,
        FilesToModify = modify,
    };

    [Fact]
    public void Evaluate_GroundedPlan_EveryGroundingCheckPasses()
    {
        var tasks = new TasksOutput
        {
            Tasks =
            [
                Task("TSK-001", "Use the default max_age in timed.py", [], ["src/itsdangerous/timed.py"]),
                Task("TSK-002", "Test the default max_age", [], ["tests/test_itsdangerous/test_timed.py"], SpecTaskType.Test) with { DependsOn = ["TSK-001"] },
            ],
        };

        var evaluation = new TasksEvaluator().Evaluate(tasks, Prior);

        Assert.True(evaluation.Passed, evaluation.Feedback);
        Assert.All(
            ["files_to_modify_exist", "new_files_in_layout", "spec_named_files_changed", "titles_whole"],
            name => Assert.Contains(evaluation.Checks, c => c.Name == name && c.Passed));
    }

    [Fact]
    public void Evaluate_IssueElevenPlan_FailsWithFeedbackNamingEachPath()
    {
        var tasks = new TasksOutput
        {
            Tasks =
            [
                Task("TSK-001", "Implement in src/itsdangerous/optional_default_max.py: use its default max_age when", ["src/itsdangerous/optional_default_max.py"], []),
                Task("TSK-002", "Test the default max_age", [], ["tests/itsdangerous/test_timed.py"], SpecTaskType.Test) with { DependsOn = ["TSK-001"] },
                Task("TSK-003", "Test the module", ["tests/itsdangerous/test_optional_default_max.py"], [], SpecTaskType.Test) with { DependsOn = ["TSK-001"] },
            ],
        };

        var evaluation = new TasksEvaluator().Evaluate(tasks, Prior);

        Assert.False(evaluation.Passed);
        var feedback = evaluation.Feedback;
        Assert.Contains("- [hard] files_to_modify_exist: TSK-002 modifies tests/itsdangerous/test_timed.py, which is not in the repository and no task creates it", feedback, StringComparison.Ordinal);
        Assert.Contains("- [hard] new_files_in_layout: TSK-003: tests/itsdangerous/test_optional_default_max.py is outside the test layout: .py tests live in tests/test_itsdangerous/", feedback, StringComparison.Ordinal);
        Assert.Contains("- [hard] spec_named_files_changed: the spec names src/itsdangerous/timed.py, but no task changes it; the spec names tests/test_itsdangerous/test_timed.py, but no task changes it", feedback, StringComparison.Ordinal);
        Assert.Contains("- [hard] titles_whole: TSK-001: \"Implement in src/itsdangerous/optional_default_max.py: use its default max_age when\" ends mid-phrase", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithoutExploreFiles_PathChecksLeftOut()
    {
        var tasks = new TasksOutput { Tasks = [Task("TSK-001", "Use the default max_age", [], ["src/nowhere.py"])] };

        var evaluation = new TasksEvaluator().Evaluate(tasks, Prior with { Explore = null });

        Assert.True(evaluation.Passed, evaluation.Feedback);
        Assert.DoesNotContain(evaluation.Checks, c => c.Name == "files_to_modify_exist");
    }

    [Fact]
    public void Evaluate_DesignIgnoringTheSpecNamedFile_FailsNamingIt()
    {
        var design = Design() with
        {
            Components = [new DesignComponent { Name = "OptionalDefaultMax", FilePath = "src/itsdangerous/optional_default_max.py", Responsibility = "default max age", Requirements = ["REQ-DEFAULTMAX-FUNC-001"] }],
        };

        var evaluation = new DesignEvaluator().Evaluate(design, Prior);

        Assert.False(evaluation.Passed);
        Assert.Contains("- [hard] spec_named_files_changed: the spec names src/itsdangerous/timed.py, but no component or test plan of the design uses it", evaluation.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RequirementTitleCutMidClause_FailsHard()
    {
        var requirements = new RequirementsOutput
        {
            Requirements =
            [
                Requirement("REQ-DEFAULTMAX-FUNC-001", "The system shall ensure that CHANGES.rst gets an entry in the unreleased section.") with
                {
                    Title = "CHANGES.rst gets an entry in",
                    Action = "ensure that CHANGES.rst gets an entry in the unreleased section",
                },
            ],
        };

        var evaluation = new RequirementsEvaluator().Evaluate(requirements, PriorOutputs.None);

        Assert.False(evaluation.Passed);
        Assert.Contains("- [hard] titles_whole: REQ-DEFAULTMAX-FUNC-001: \"CHANGES.rst gets an entry in\" ends mid-phrase", evaluation.Feedback, StringComparison.Ordinal);
    }
}
