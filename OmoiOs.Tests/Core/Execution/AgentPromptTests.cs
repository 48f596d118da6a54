using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Tests.Infrastructure.Execution;

namespace OmoiOs.Tests.Core.Execution;

public sealed class AgentPromptTests
{
    [Fact]
    public void Build_FullRequest_HasEverySectionTheAgentNeeds()
    {
        var request = TaskRunRequests.For("/repo", "TSK-004", create: ["src/a.py"], modify: ["README.md"], check: "make test", attempt: 2) with
        {
            Requirements = [Requirement("REQ-1"), Requirement("REQ-2")],
            AcceptanceCriteria =
            [
                new SpecAcceptanceCriterion { Id = "c1", SpecId = TaskRunRequests.SpecId, RequirementId = "req-REQ-1", Ordinal = 1, Text = "Greets by name" },
                new SpecAcceptanceCriterion { Id = "c2", SpecId = TaskRunRequests.SpecId, RequirementId = "req-REQ-2", Ordinal = 1, Text = "Not this one" },
            ],
            DesignSummary = "A Greeter component.",
            Feedback = "2 tests failed",
        };
        request = request with { SpecTask = request.SpecTask with { Requirements = ["req-REQ-1"], AcceptanceCriteria = ["Prints hello"] } };

        var prompt = AgentPrompt.Build(request, "/workspace", "omoi/x-tasks/tsk-004");

        Assert.StartsWith("# TSK-004: Task TSK-004\n", prompt);
        Assert.Contains("## Description\nDo TSK-004.\n", prompt);
        Assert.Contains("## Acceptance criteria\n- Prints hello\n- Greets by name\n", prompt);
        Assert.DoesNotContain("Not this one", prompt);
        Assert.Contains("- REQ-1 (Title REQ-1): WHEN asked THE SYSTEM SHALL greet", prompt);
        Assert.DoesNotContain("REQ-2", prompt);
        Assert.Contains(AgentPrompt.FilesToCreateHeading + "\n- `src/a.py`\n", prompt);
        Assert.Contains(AgentPrompt.FilesToModifyHeading + "\n- `README.md`\n", prompt);
        Assert.Contains("## Design summary\nA Greeter component.\n", prompt);
        Assert.Contains("## Feedback from the previous attempt\n2 tests failed\n", prompt);
        Assert.Contains("Attempt: 2", prompt);
        Assert.Contains("`make test`", prompt);
        Assert.Contains("on branch `omoi/x-tasks/tsk-004`", prompt);
    }

    [Fact]
    public void Build_FirstAttemptWithoutExtras_OmitsEmptySections()
    {
        var prompt = AgentPrompt.Build(TaskRunRequests.For("/repo", "TSK-001"), "/workspace", "b");

        Assert.DoesNotContain("## Feedback", prompt);
        Assert.DoesNotContain(AgentPrompt.FilesToCreateHeading, prompt);
        Assert.DoesNotContain("## Design summary", prompt);
    }

    private static SpecRequirement Requirement(string key) => new()
    {
        Id = "req-" + key, SpecId = TaskRunRequests.SpecId, Key = key, Title = "Title " + key,
        Text = "WHEN asked THE SYSTEM SHALL greet", Action = "greet",
    };
}
