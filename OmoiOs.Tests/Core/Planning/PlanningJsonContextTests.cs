using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Tests.Core.Planning;

public sealed class PlanningJsonContextTests
{
    [Fact]
    public void Serialize_RequirementsOutput_UsesCamelCaseAndSnakeCaseEnums()
    {
        var output = new RequirementsOutput
        {
            Requirements = [new PlannedRequirement { Id = "REQ-AUTH-SEC-001", Type = RequirementCategory.Security, Priority = Priority.Critical, AcceptanceCriteria = ["a", "b"] }],
            OutOfScope = ["sso"],
        };

        var json = JsonSerializer.Serialize(output, PlanningJsonContext.Default.RequirementsOutput);

        Assert.Contains("\"acceptanceCriteria\":[\"a\",\"b\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"security\"", json, StringComparison.Ordinal);
        Assert.Contains("\"priority\":\"critical\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outOfScope\":[\"sso\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SyncOutput_RoundTrips()
    {
        var output = new SyncOutput
        {
            Coverage = [new CoverageEntry("REQ-A-FUNC-001", CoverageLevel.PartiallyCovered, ["TSK-001"])],
            Dependencies = new DependencyAnalysis
            {
                Graph = new Dictionary<string, IReadOnlyList<string>> { ["TSK-002"] = ["TSK-001"] },
                ParallelGroups = [["TSK-001"], ["TSK-002"]],
            },
            TaskIdMap = new Dictionary<string, string> { ["TSK-001"] = "spec-task-abc" },
        };

        var json = JsonSerializer.Serialize(output, PlanningJsonContext.Default.SyncOutput);
        var back = JsonSerializer.Deserialize(json, PlanningJsonContext.Default.SyncOutput)!;

        Assert.Contains("\"level\":\"partially_covered\"", json, StringComparison.Ordinal);
        Assert.Equal("TSK-001", back.Dependencies.Graph["TSK-002"][0]);
        Assert.Equal("spec-task-abc", back.TaskIdMap["TSK-001"]);
        Assert.Equal(output.Coverage[0].Level, back.Coverage[0].Level);
    }
}
