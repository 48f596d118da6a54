using System.Text.Json;
using OmoiOs.Core.Planning;

namespace OmoiOs.Tests.Core.Planning;

public sealed class JsonPathTests
{
    [Theory]
    [InlineData("$", "")]
    [InlineData("$.tasks[2].id", "tasks|[2]|id")]
    [InlineData("$['odd name'].x", "odd name|x")]
    [InlineData("$.graph['TSK-001'][0]", "graph|TSK-001|[0]")]
    public void Segments_Path_SplitsNamesAndIndexes(string path, string expected)
    {
        Assert.Equal(expected, string.Join("|", JsonPath.Segments(path)));
    }

    [Fact]
    public void ExpectedType_PathThroughListsAndRecords_ResolvesTheMemberType()
    {
        var typeInfo = PlanningJsonContext.Default.TasksOutput;

        Assert.Equal(typeof(double), JsonPath.ExpectedType(typeInfo, JsonPath.Segments("$.tasks[0].estimatedHours")));
        Assert.Equal(typeof(IReadOnlyList<string>), JsonPath.ExpectedType(typeInfo, JsonPath.Segments("$.tasks[0].dependsOn")));
        Assert.Null(JsonPath.ExpectedType(typeInfo, JsonPath.Segments("$.nothing[0]")));
    }

    [Fact]
    public void TryGetElement_CaseInsensitivePath_FindsTheValue()
    {
        using var document = JsonDocument.Parse("""{"Tasks": [{"ID": "TSK-001"}]}""");

        Assert.True(JsonPath.TryGetElement(document.RootElement, JsonPath.Segments("$.tasks[0].id"), out var element));
        Assert.Equal("TSK-001", element.GetString());
        Assert.False(JsonPath.TryGetElement(document.RootElement, JsonPath.Segments("$.tasks[3]"), out _));
    }
}
