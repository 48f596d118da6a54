using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Execution.Checks;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>
/// The issue's first user: a plain Python repository (pyproject.toml, a module, pytest-style tests in tests/) run end to
/// end on the local server with the default planner and the bundled example agent, in a sandbox with pytest (Debian's
/// python3-pytest) and in one whose python3 has none, in a flat and in a src layout. Every task's check must have run the
/// repository's tests.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class PythonRepositoryRunTests
{
    private const int RepositoryTests = 3;

    private static readonly Dictionary<string, string> Files = new()
    {
        ["pyproject.toml"] = "[project]\nname = \"calc\"\nversion = \"0.1.0\"\nrequires-python = \">=3.9\"\n",
        ["README.md"] = "# calc\n\nSmall arithmetic helpers.\n",
        ["calc.py"] = "def add(a, b):\n    return a + b\n\n\ndef multiply(a, b):\n    return a * b\n",
        ["tests/test_calc.py"] = """
            from calc import add, multiply


            def test_add():
                assert add(2, 3) == 5


            def test_multiply():
                assert multiply(4, 5) == 20


            class TestAdd:
                def test_negative(self):
                    assert add(-1, 1) == 0

            """,
    };

    /// <summary>The same package in a src layout, which nothing installs: its tests import it only with src/ on the import path.</summary>
    private static readonly Dictionary<string, string> SrcLayoutFiles = new()
    {
        ["pyproject.toml"] = "[project]\nname = \"calc\"\nversion = \"0.1.0\"\nrequires-python = \">=3.9\"\n",
        ["README.md"] = "# calc\n\nSmall arithmetic helpers.\n",
        ["src/calc/__init__.py"] = "from calc.ops import add, multiply\n",
        ["src/calc/ops.py"] = Files["calc.py"],
        ["tests/test_ops.py"] = Files["tests/test_calc.py"].Replace("from calc import", "from calc.ops import", StringComparison.Ordinal),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunSpec_PlainPythonRepository_CompletesAndEveryTaskCheckRanTheTests(bool pytestInSandbox) =>
        await RunSpecAsync(
            Files,
            "Add a subtract function to calc.py that returns a minus b, with tests for it in tests/test_calc.py.",
            "python3 -m pytest",
            pytestInSandbox);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunSpec_SrcLayoutPythonRepository_CompletesAndEveryTaskCheckImportedThePackageFromSrc(bool pytestInSandbox)
    {
        var results = await RunSpecAsync(
            SrcLayoutFiles,
            "Add a subtract function to src/calc/ops.py that returns a minus b, with tests for it in tests/test_ops.py.",
            "PYTHONPATH=src python3 -m pytest",
            pytestInSandbox);

        Assert.All(results, r => Assert.Contains("`PYTHONPATH=src` puts the packages under src/ on the import path", r.GetProperty("checkReason").GetString()));
    }

    /// <summary>Runs a spec on a repository of <paramref name="files"/> and checks that every task's check ran its tests; returns the tasks' results.</summary>
    private static async Task<List<JsonElement>> RunSpecAsync(Dictionary<string, string> files, string description, string plannedCheck, bool pytestInSandbox)
    {
        using var python = PythonWithoutPytest.Create();
        var repository = await CreateRepositoryAsync(files);
        await using var server = await LocalServerHarness.StartAsync(agent: "example", settings: pytestInSandbox ? null : python.Settings);
        try
        {
            var created = await server.Client.PostAsync("specs", LocalServerHarness.Json(JsonSerializer.Serialize(new
            {
                title = "Subtraction",
                description,
                repository,
            })));
            var id = (await LocalServerHarness.ReadJsonAsync(created)).GetProperty("id").GetString()!;
            await server.ExecuteAsync(id);

            var spec = await server.WaitForStatusAsync(id, "completed", "failed", "cancelled");

            var tasks = (await server.GetJsonAsync($"tasks?specId={id}&pageSize=1000")).GetProperty("items").EnumerateArray().ToList();
            Assert.True(spec.GetProperty("status").GetString() == "completed", $"{spec}\n{string.Join('\n', tasks)}");
            Assert.NotEmpty(tasks);
            var expected = CheckCatalog.CandidatesFor(plannedCheck)[pytestInSandbox ? 0 : 1].Command;
            var texts = server.Server.Services.GetRequiredService<ILargeTextStore>();
            var results = tasks.Select(t => t.GetProperty("result")).ToList();
            foreach (var result in results)
            {
                Assert.Equal(expected, result.GetProperty("checkCommand").GetString());
                Assert.Contains(pytestInSandbox ? "the sandbox has pytest" : "the sandbox has no pytest", result.GetProperty("checkReason").GetString());
                var log = await texts.ReadAsync(id, result.GetProperty("logKey").GetString()!, CancellationToken.None) ?? "";
                Assert.True(PassedCount(log) >= RepositoryTests, log);
            }

            var design = await server.GetJsonAsync($"specs/{id}/design");
            Assert.Contains(CheckCatalog.Describe(plannedCheck), design.ToString());
            var planned = await server.GetJsonAsync($"specs/{id}/tasks");
            Assert.Contains($"The check passes: {CheckCatalog.Describe(plannedCheck)}.", planned.ToString());
            return results;
        }
        finally
        {
            SampleRepository.Delete(repository);
        }
    }

    [Fact]
    public async Task RunSpec_RepositoryTestFails_TasksRetriedThenTheSpecFailsNamingTheTest()
    {
        var repository = await CreateRepositoryAsync(Files, ("tests/test_broken.py", "from calc import add\n\n\ndef test_add_is_broken():\n    assert add(2, 2) == 5\n"));
        await using var server = await LocalServerHarness.StartAsync(agent: "example");
        try
        {
            var created = await server.Client.PostAsync("specs", LocalServerHarness.Json(JsonSerializer.Serialize(new
            {
                title = "Subtraction",
                description = "Add a subtract function to calc.py that returns a minus b.",
                repository,
                options = new { maxRetries = 1 },
            })));
            var id = (await LocalServerHarness.ReadJsonAsync(created)).GetProperty("id").GetString()!;
            await server.ExecuteAsync(id);

            var spec = await server.WaitForStatusAsync(id, "completed", "failed", "cancelled");

            var tasks = (await server.GetJsonAsync($"tasks?specId={id}&pageSize=1000")).GetProperty("items").EnumerateArray().ToList();
            Assert.True(spec.GetProperty("status").GetString() == "failed", $"{spec}\n{string.Join('\n', tasks)}");
            var failed = tasks.Where(t => t.GetProperty("status").GetString() == "failed").ToList();
            Assert.NotEmpty(failed);
            Assert.All(failed, t => Assert.Equal(2, t.GetProperty("attempts").GetInt32()));
            Assert.All(failed, t => Assert.Contains("test_add_is_broken", t.GetProperty("feedback").GetString()));
            Assert.All(failed, t => Assert.Equal(1, t.GetProperty("result").GetProperty("checkExitCode").GetInt32()));
        }
        finally
        {
            SampleRepository.Delete(repository);
        }
    }

    private static async Task<string> CreateRepositoryAsync(Dictionary<string, string> files, params (string File, string Content)[] extra)
    {
        var path = Path.Combine(Path.GetTempPath(), "omoi-python-repo-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var (file, content) in files.Select(f => (f.Key, f.Value)).Concat(extra))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(path, file))!);
            await File.WriteAllTextAsync(Path.Combine(path, file), content);
        }

        await SampleRepository.GitAsync(path, CancellationToken.None, "init", "-q", "-b", SampleRepository.Branch);
        await SampleRepository.GitAsync(path, CancellationToken.None, "add", "-A");
        await SampleRepository.GitAsync(path, CancellationToken.None, "commit", "-q", "-m", "calc");
        return path;
    }

    /// <summary>How many tests the task's check reported passed (pytest's "N passed", the fallback's "N passed").</summary>
    private static int PassedCount(string log)
    {
        var start = log.LastIndexOf("== check\n", StringComparison.Ordinal);
        var match = start < 0 ? Match.Empty : Passed().Match(log, start);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"(\d+) passed")]
    private static partial Regex Passed();
}
