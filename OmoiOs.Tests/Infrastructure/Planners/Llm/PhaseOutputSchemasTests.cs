using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class PhaseOutputSchemasTests
{
    [Theory]
    [InlineData(SpecPhase.Explore, "codebase_summary")]
    [InlineData(SpecPhase.Requirements, "open_questions")]
    [InlineData(SpecPhase.Design, "api_endpoints")]
    [InlineData(SpecPhase.Tasks, "critical_path")]
    [InlineData(SpecPhase.Sync, "ready_for_execution")]
    public void Schema_PlannedPhase_DescribesTheOutputRecordInSnakeCase(SpecPhase phase, string property)
    {
        var schema = PhaseOutputSchemas.Schema(phase);

        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.True(schema.GetProperty("properties").TryGetProperty(property, out _), $"{property} missing from the {phase} schema");
    }

    [Fact]
    public void Schema_Requirements_ListsEnumValuesAsWireNames()
    {
        var requirement = PhaseOutputSchemas.Schema(SpecPhase.Requirements).GetProperty("properties").GetProperty("requirements").GetProperty("items");

        var priorities = requirement.GetProperty("properties").GetProperty("priority").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["critical", "high", "medium", "low"], priorities);
    }

    [Theory]
    [InlineData(SpecPhase.Execute)]
    [InlineData(SpecPhase.Complete)]
    public void OutputType_UnplannedPhase_ThrowsValidationFailedOnPhase(SpecPhase phase)
    {
        var error = Assert.Throws<ValidationFailedException>(() => PhaseOutputSchemas.OutputType(phase));

        Assert.Contains("phase", error.Errors.Keys);
    }

    [Fact]
    public void SerializerOptions_SampleRequirementsJson_RoundTripsThroughTheCoreRecord()
    {
        var output = JsonSerializer.Deserialize<RequirementsOutput>(LlmSamples.RequirementsJson, PhaseOutputSchemas.SerializerOptions)!;

        var requirement = Assert.Single(output.Requirements);
        Assert.Equal(RequirementCategory.Functional, requirement.Type);
        Assert.Equal(Priority.High, requirement.Priority);
        Assert.Equal(2, requirement.AcceptanceCriteria.Count);
        Assert.Equal(["PDF export"], output.OutOfScope);
    }
}
