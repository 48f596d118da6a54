using System.Text;
using System.Text.Json;
using OmoiOs.Core.Planning;

namespace OmoiOs.Tests.Core.Planning;

public sealed class PlannerJsonNormalizerTests
{
    [Theory]
    [InlineData("codebase_summary", "codebaseSummary")]
    [InlineData("files_to_create", "filesToCreate")]
    [InlineData("camelCase", "camelCase")]
    [InlineData("TSK_001", "TSK_001")]
    [InlineData("REQ-AUTH-FUNC-001", "REQ-AUTH-FUNC-001")]
    [InlineData("double__underscore", "double__underscore")]
    [InlineData("trailing_", "trailing_")]
    public void ToCamelCase_Name_RewritesOnlySnakeCase(string name, string expected)
    {
        Assert.Equal(expected, PlannerJsonNormalizer.ToCamelCase(name));
    }

    [Fact]
    public void Normalize_NullsAndNames_DropsNullsKeepsEverythingElse()
    {
        var bytes = PlannerJsonNormalizer.Normalize("""{"a_b": null, "list": [1, null, "x", true], "map": {"TSK-001": {"depends_on": []}}, "n": -1.5e3}""");

        Assert.Equal("""{"list":[1,"x",true],"map":{"TSK-001":{"dependsOn":[]}},"n":-1.5e3}""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Normalize_TextAfterTheValue_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => PlannerJsonNormalizer.Normalize("{} trailing words"));
    }
}
