using OmoiOs.Core.Domain;
using OmoiOs.Core.Export;
using static OmoiOs.Tests.Core.Export.ExportBuilders;

namespace OmoiOs.Tests.Core.Export;

public sealed class SpecExportModelTests
{
    [Theory]
    [InlineData("WHEN the user clicks logout THE SYSTEM SHALL end the session.", "", "As a user, I want the system to end the session.")]
    [InlineData("The Billing Service shall send a receipt.", "", "As a user, I want the Billing Service to send a receipt.")]
    [InlineData("The system shall log.", "record every request", "As a user, I want the system to record every request.")]
    [InlineData("Logs are kept.", "", "As a user, I want Title.")]
    public void UserStory_Requirement_IsDerivedFromTheEarsSentence(string text, string action, string expected)
    {
        var requirement = Requirement("REQ-A-FUNC-001", "Title", text, EarsPattern.Ubiquitous, Priority.Medium) with { Action = action };

        Assert.Equal(expected, SpecExportModel.UserStory(requirement));
    }

    [Fact]
    public void TaskGroups_CyclicTasks_AreListedFlatWithoutParallelMarks()
    {
        var source = Source() with
        {
            Tasks = [Task("TSK-002", "B", ["TSK-001"], [], [], []), Task("TSK-001", "A", ["TSK-002"], [], [], [])],
        };

        var group = Assert.Single(new SpecExportModel(source).TaskGroups);

        Assert.Equal(["TSK-001", "TSK-002"], group.Select(t => t.Task.Key));
        Assert.All(group, t => Assert.False(t.Parallel));
    }

    [Fact]
    public void TaskNumber_KeysOutOfDependencyOrder_IsTheNumberOfTheKey()
    {
        var source = Source() with
        {
            Tasks = [Task("TSK-001", "A", ["TSK-002"], [], [], []), Task("TSK-002", "B", [], [], [], []), Task("TSK-005", "C", ["TSK-001"], [], [], [])],
        };

        var model = new SpecExportModel(source);

        Assert.Equal(["TSK-002", "TSK-001", "TSK-005"], model.Tasks.Select(t => t.Task.Key));
        Assert.Equal([2, 1, 5], model.Tasks.Select(t => model.TaskNumber(t.Task.Id)));
    }

    [Fact]
    public void TaskNumber_KeyWithoutANumberOfItsOwn_GetsTheNextFreeNumber()
    {
        var source = Source() with
        {
            Tasks = [Task("TSK-003", "A", [], [], [], []), Task("TSK-0003", "B", [], [], [], []), Task("setup", "C", [], [], [], [])],
        };

        var model = new SpecExportModel(source);

        Assert.Equal([3, 4, 5], model.Tasks.Select(t => model.TaskNumber(t.Task.Id)));
    }
}
