using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Planning.Review;

namespace OmoiOs.Tests.Core.Planning.Review;

public sealed class PlanChangesTests
{
    [Fact]
    public void Between_Requirements_ListsAddedRemovedAndChangedByTitle()
    {
        var before = Requirements(("Greeting option", "The CLI shall accept --greeting."), ("Empty greeting", "When empty, the CLI shall exit 2."), ("Logging", "The CLI shall log."));
        var after = Requirements(("Greeting option", "The CLI shall accept --greeting."), ("Empty greeting", "When empty, the CLI shall exit 3."), ("Help text", "The CLI shall document --greeting."));

        var changes = PlanChanges.Between(before, after);

        Assert.Equal(["Help text"], changes.Added);
        Assert.Equal(["Logging"], changes.Removed);
        Assert.Equal(["Empty greeting"], changes.Changed);
        Assert.Equal("1 added, 1 removed, 1 changed", changes.Summary);
    }

    [Fact]
    public void Between_TheSameTasks_IsEmpty()
    {
        var tasks = new TasksOutput { Tasks = [new PlannedTask { Id = "TSK-001", Title = "Add the option", FilesToModify = ["src/cli.py"] }] };

        Assert.True(PlanChanges.Between(tasks, tasks with { }).IsEmpty);
    }

    [Fact]
    public void Between_Design_AComponentMovedToAnotherFile_IsChanged()
    {
        var before = new DesignOutput { Components = [new DesignComponent { Name = "GreetingOption", FilePath = "src/cli.py" }] };
        var after = new DesignOutput { Components = [new DesignComponent { Name = "GreetingOption", FilePath = "src/options.py" }] };

        Assert.Equal(["GreetingOption"], PlanChanges.Between(before, after).Changed);
    }

    private static RequirementsOutput Requirements(params (string Title, string Text)[] requirements) => new()
    {
        Requirements = requirements.Select((r, i) => new PlannedRequirement { Id = $"REQ-X-FUNC-{i + 1:000}", Title = r.Title, Text = r.Text }).ToList(),
    };
}
