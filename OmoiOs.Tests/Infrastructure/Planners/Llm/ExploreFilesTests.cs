using System.Text.Json;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class ExploreFilesTests
{
    [Fact]
    public void Stamp_ObjectAnswer_FilesReplacedByTheScans()
    {
        var json = ExploreFiles.Stamp("""{"codebase_summary":"x","files":["made/up.py"]}""", ["src/app.py", "tests/test_app.py"]);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["src/app.py", "tests/test_app.py"], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("x", root.GetProperty("codebase_summary").GetString());
    }

    [Theory]
    [InlineData("Sorry, I cannot help with that.")]
    [InlineData("[1, 2]")]
    public void Stamp_NotAJsonObject_ReturnedUnchanged(string answer)
    {
        Assert.Equal(answer, ExploreFiles.Stamp(answer, ["src/app.py"]));
    }
}
