using OmoiOs.Infrastructure.Execution.Checks;

namespace OmoiOs.Tests.Infrastructure.Execution.Checks;

public sealed class CheckCatalogTests
{
    [Theory]
    [InlineData("python -m pytest", "python3 -m pytest")]
    [InlineData("python3 -m pytest -q tests/unit", "python3 -m pytest -q tests/unit")]
    [InlineData("pytest -x", "python3 -m pytest -x")]
    [InlineData("python -m unittest discover -s tests", "python3 -m pytest")]
    public void CandidatesFor_PythonTestCommand_PytestThenTheStandardLibraryFallback(string planned, string pytest)
    {
        var candidates = CheckCatalog.CandidatesFor(planned);

        Assert.Equal([pytest, CheckCatalog.PythonFallbackCommand], candidates.Select(c => c.Command));
        Assert.Equal(["python3 -m pytest --version", "python3 --version"], candidates.Select(c => c.Probe));
        Assert.Equal([false, true], candidates.Select(c => c.UsesPythonTestRunner));
    }

    [Theory]
    [InlineData("PYTHONPATH=src python3 -m pytest", "PYTHONPATH=src python3 -m pytest")]
    [InlineData("PYTHONPATH=src pytest -x", "PYTHONPATH=src python3 -m pytest -x")]
    public void CandidatesFor_PythonTestCommandWithPythonPath_BothCandidatesKeepItAndSayWhy(string planned, string pytest)
    {
        var candidates = CheckCatalog.CandidatesFor(planned);

        Assert.Equal([pytest, CheckCatalog.PythonFallbackCommand.Replace("&& python3", "&& PYTHONPATH=src python3", StringComparison.Ordinal)], candidates.Select(c => c.Command));
        Assert.All(candidates, c => Assert.StartsWith("`PYTHONPATH=src` puts the packages under src/ on the import path", c.ImportPathReason, StringComparison.Ordinal));
    }

    [Fact]
    public void PythonTestCommand_SrcLayoutOrNot_PytestWithSrcOnPythonPathOnlyForASrcLayout()
    {
        Assert.Equal("PYTHONPATH=src python3 -m pytest", CheckCatalog.PythonTestCommand(srcLayout: true));
        Assert.Equal(CheckCatalog.PytestCommand, CheckCatalog.PythonTestCommand(srcLayout: false));
        Assert.All(CheckCatalog.CandidatesFor(CheckCatalog.PytestCommand), c => Assert.Empty(c.ImportPathReason));
    }

    [Theory]
    [InlineData("npm test", "command -v node && command -v npm")]
    [InlineData("dotnet test", "command -v dotnet")]
    [InlineData("go test ./...", "command -v go")]
    [InlineData("cargo test", "command -v cargo")]
    [InlineData("./gradlew test", "command -v java")]
    [InlineData("make test", "command -v make")]
    [InlineData("python -m pytest && npm test", "command -v python")]
    public void CandidatesFor_OtherTool_ThePlannedCommandProbedForItsTools(string planned, string probe)
    {
        var candidate = Assert.Single(CheckCatalog.CandidatesFor(planned));

        Assert.Equal(planned, candidate.Command);
        Assert.Equal(probe, candidate.Probe);
    }

    [Theory]
    [InlineData("./run-tests.sh")]
    [InlineData("CI=1 npm test")]
    public void CandidatesFor_RepositoryScriptOrShellSyntaxFirst_RunsUnprobed(string planned)
    {
        var candidate = Assert.Single(CheckCatalog.CandidatesFor(planned));

        Assert.Equal((planned, (string?)null), (candidate.Command, candidate.Probe));
    }

    [Fact]
    public void Describe_PythonTests_NamesPytestAndWhatRunsWithoutIt()
    {
        var text = CheckCatalog.Describe("python3 -m pytest");

        Assert.StartsWith("`python3 -m pytest` when the sandbox has pytest importable by python3, else `python3 -m compileall -q", text);
        Assert.Contains("runs pytest-style test functions, Test* classes and unittest cases with the standard library", text);
    }

    [Fact]
    public void Describe_PythonTestsWithSrcOnPythonPath_SaysWhyAfterWhatRuns()
    {
        var text = CheckCatalog.Describe("PYTHONPATH=src python3 -m pytest");

        Assert.StartsWith("`PYTHONPATH=src python3 -m pytest` when the sandbox has pytest importable by python3, else `python3 -m compileall -q", text);
        Assert.Contains("&& PYTHONPATH=src python3 .omoi/checks/run_python_tests.py`", text);
        Assert.EndsWith("; `PYTHONPATH=src` puts the packages under src/ on the import path, so the tests import the working tree's code without it being installed", text);
    }

    [Fact]
    public void Describe_ToolCommand_SaysTheTaskFailsWithoutTheTool() =>
        Assert.Equal("`npm test` (when the sandbox has node and npm on the sandbox's PATH; without them the task fails saying so)", CheckCatalog.Describe("npm test"));
}
