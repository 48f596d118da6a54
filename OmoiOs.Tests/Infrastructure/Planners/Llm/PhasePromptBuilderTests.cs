using Microsoft.Extensions.AI;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class PhasePromptBuilderTests
{
    [Fact]
    public void Build_FirstAttempt_SystemHasRoleAndSchemaUserHasSpecAndNoFeedback()
    {
        var messages = PhasePromptBuilder.Build(LlmSamples.RequirementsRequest());

        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Contains("REQUIREMENTS planner", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("\"acceptance_criteria\"", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Title: Export specs as Markdown", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("download a spec as Kiro-style Markdown", messages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Feedback", messages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("# Repository", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RetryWithFeedback_UserMessageCarriesTheFeedback()
    {
        var messages = PhasePromptBuilder.Build(LlmSamples.RequirementsRequest("- [hard] min_criteria: REQ-X-FUNC-001 has 1 criterion"));

        Assert.Contains("# Feedback on attempt 1", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("REQ-X-FUNC-001 has 1 criterion", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Tasks_IncludesEarlierPhaseOutputsAsSnakeCaseJson()
    {
        var request = LlmSamples.RequirementsRequest() with
        {
            Phase = SpecPhase.Tasks,
            Explore = new ExploreOutput { CodebaseSummary = "A .NET 10 orchestrator" },
            Requirements = new RequirementsOutput { OpenQuestions = ["Zip or tarball?"] },
            Design = new DesignOutput { ArchitectureOverview = "An export endpoint over the spec store" },
        };

        var user = PhasePromptBuilder.Build(request)[1].Text;

        Assert.Contains("# EXPLORE output", user, StringComparison.Ordinal);
        Assert.Contains("\"codebase_summary\":\"A .NET 10 orchestrator\"", user, StringComparison.Ordinal);
        Assert.Contains("\"open_questions\":[\"Zip or tarball?\"]", user, StringComparison.Ordinal);
        Assert.Contains("# DESIGN output", user, StringComparison.Ordinal);
        Assert.DoesNotContain("# TASKS output", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Sync_IncludesTheTasksOutput()
    {
        var request = LlmSamples.RequirementsRequest() with
        {
            Phase = SpecPhase.Sync,
            Tasks = new TasksOutput { CriticalPath = ["TSK-001", "TSK-002"] },
        };

        var messages = PhasePromptBuilder.Build(request);

        Assert.Contains("\"critical_path\":[\"TSK-001\",\"TSK-002\"]", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains("SYNC planner", messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Explore_UserMessageOutlinesTheRepository()
    {
        var repository = Directory.CreateTempSubdirectory("omoi-prompt-");
        try
        {
            File.WriteAllText(Path.Combine(repository.FullName, "Program.cs"), "");
            var request = LlmSamples.RequirementsRequest() with { Phase = SpecPhase.Explore, RepositoryPath = repository.FullName };

            var user = PhasePromptBuilder.Build(request)[1].Text;

            Assert.Contains("# Repository", user, StringComparison.Ordinal);
            Assert.Contains("Program.cs", user, StringComparison.Ordinal);
        }
        finally
        {
            repository.Delete(recursive: true);
        }
    }

    [Fact]
    public void Build_ExecutePhase_ThrowsValidationFailed()
    {
        var request = LlmSamples.RequirementsRequest() with { Phase = SpecPhase.Execute };

        Assert.Throws<ValidationFailedException>(() => PhasePromptBuilder.Build(request));
    }

    [Fact]
    public void Build_TasksWithExploreFiles_GroundingListsFilesTestFoldersSpecNamedFilesAndRules()
    {
        var request = LlmSamples.RequirementsRequest() with
        {
            Phase = SpecPhase.Tasks,
            Description = "The change goes in `timed.py`.",
            Explore = new ExploreOutput
            {
                CodebaseSummary = "itsdangerous",
                Files = ["src/itsdangerous/timed.py", "tests/test_itsdangerous/test_timed.py"],
            },
        };

        var user = PhasePromptBuilder.Build(request)[1].Text;

        Assert.Contains("# Grounding rules (the evaluator rejects a plan that breaks one)", user, StringComparison.Ordinal);
        Assert.Contains("Every file the spec names is in some task's files_to_modify.", user, StringComparison.Ordinal);
        Assert.Contains("## Files the spec names (change these; do not invent new modules for their work)\nsrc/itsdangerous/timed.py", user.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("tests/test_itsdangerous/: test_timed.py", user, StringComparison.Ordinal);
        Assert.Contains("## Repository files (2)", user, StringComparison.Ordinal);
        Assert.Contains("\"files\":[]", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Requirements_TitleRuleWithoutTheFileList()
    {
        var user = PhasePromptBuilder.Build(LlmSamples.RequirementsRequest() with { Explore = new ExploreOutput { Files = ["a.py"] } })[1].Text;

        Assert.Contains("Titles are whole phrases", user, StringComparison.Ordinal);
        Assert.DoesNotContain("## Repository files", user, StringComparison.Ordinal);
    }
}
