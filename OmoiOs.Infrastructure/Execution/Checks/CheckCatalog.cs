using System.Text.RegularExpressions;

namespace OmoiOs.Infrastructure.Execution.Checks;

/// <summary>
/// The ways a detected test command can run in the sandbox, best first, and how each is probed. A Python test command
/// becomes <c>python3 -m pytest</c> when pytest is importable there, else <c>python3 -m compileall</c> plus OmoiOs's
/// standard-library runner of pytest-style tests, both keeping the command's <c>PYTHONPATH=</c> (a src layout's
/// folder); a command of another tool is probed for that tool (and node for npm, java for Maven and Gradle); a script
/// in the repository (<c>./run-tests.sh</c>) runs as it is.
/// </summary>
public static partial class CheckCatalog
{
    /// <summary>Where the Python runner is written in the workspace (under <c>.omoi/</c>, which is never committed).</summary>
    public const string PythonRunnerPath = ".omoi/checks/run_python_tests.py";

    public const string PytestCommand = "python3 -m pytest";

    /// <summary>The ways out when the sandbox lacks what a check needs.</summary>
    public const string WaysToProvideTools = "Make the tools available with a setup step (.omoi/setup.sh or options.setupCommand; "
        + "e.g. one that installs the repository's dependencies), a read-only toolchain path (OMOI_SANDBOX_READONLY_PATHS and OMOI_SANDBOX_PATH), "
        + "or name a check that can run (options.checkCommand)";

    /// <summary>The folder a src layout keeps its packages in (<c>src/&lt;package&gt;/__init__.py</c>).</summary>
    public const string SrcLayoutFolder = "src";

    private const string CompileAllCommand = "python3 -m compileall -q -x '/[.]|/node_modules/|/site-packages/' .";

    private const string PythonRunnerCommand = "python3 " + PythonRunnerPath;

    /// <summary>Compiles every Python file (outside hidden folders, node_modules, site-packages), then runs the tests without pytest.</summary>
    public const string PythonFallbackCommand = CompileAllCommand + " && " + PythonRunnerCommand;

    private static readonly Dictionary<string, string[]> AlsoNeeds = new(StringComparer.Ordinal)
    {
        ["npm"] = ["node"],
        ["npx"] = ["node"],
        ["yarn"] = ["node"],
        ["pnpm"] = ["node"],
        ["mvn"] = ["java"],
        ["gradle"] = ["java"],
        ["./gradlew"] = ["java"],
    };

    [GeneratedRegex(@"^(?:PYTHONPATH=(?<importPath>[A-Za-z0-9._/:-]+)\s+)?(?:python(?:3(?:\.\d+)?)?\s+-m\s+(?<tool>pytest|unittest)|(?<tool>pytest|py\.test))(?<arguments>(?:\s.*)?)$", RegexOptions.Singleline)]
    private static partial Regex PythonTests();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]*$")]
    private static partial Regex ProgramName();

    /// <summary>
    /// The Python test command a planner names for a repository: pytest, with the src layout's folder on PYTHONPATH when
    /// the repository keeps its packages there, so that its tests import them from the working tree without an install.
    /// </summary>
    public static string PythonTestCommand(bool srcLayout) => srcLayout ? $"PYTHONPATH={SrcLayoutFolder} {PytestCommand}" : PytestCommand;

    /// <summary>The candidates for a planned test command, best first; the last one's probe failing means no check can run.</summary>
    public static IReadOnlyList<CheckCandidate> CandidatesFor(string planned)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planned);
        var command = planned.Trim();
        if (PythonTests().Match(command) is { Success: true } python && !HasShellSyntax(command))
        {
            var arguments = python.Groups["tool"].Value == "unittest" ? "" : python.Groups["arguments"].Value;
            var importPath = python.Groups["importPath"];
            var environment = importPath.Success ? $"PYTHONPATH={importPath.Value} " : "";
            var importPathReason = importPath.Success
                ? $"`{environment.Trim()}` puts the packages under {importPath.Value}/ on the import path, so the tests "
                    + "import the working tree's code without it being installed"
                : "";
            return
            [
                new CheckCandidate(environment + PytestCommand + arguments, $"{PytestCommand} --version", "pytest importable by python3")
                {
                    ImportPathReason = importPathReason,
                },
                new CheckCandidate($"{CompileAllCommand} && {environment}{PythonRunnerCommand}", "python3 --version", "python3")
                {
                    Explanation = "compiles every Python file, then runs pytest-style test functions, Test* classes and unittest "
                        + "cases with the standard library (of pytest's fixtures only tmp_path; no marks or conftest.py)",
                    UsesPythonTestRunner = true,
                    ImportPathReason = importPathReason,
                },
            ];
        }

        var program = command.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
        if (!ProgramName().IsMatch(program) && !AlsoNeeds.ContainsKey(program))
        {
            return [new CheckCandidate(command, null, "")];
        }

        string[] tools = [.. AlsoNeeds.GetValueOrDefault(program, []), .. ProgramName().IsMatch(program) ? [program] : Array.Empty<string>()];
        var probe = string.Join(" && ", tools.Select(t => $"command -v {t}"));
        return [new CheckCandidate(command, probe, string.Join(" and ", tools) + " on the sandbox's PATH")];
    }

    /// <summary>How a plan names the check: the command, and what runs instead when the sandbox lacks its tools.</summary>
    public static string Describe(string planned)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planned);
        var candidates = CandidatesFor(planned);
        var best = candidates[0];
        return candidates.Count > 1
            ? $"`{best.Command}` when the sandbox has {best.Needs}, else "
                + string.Join(", else ", candidates.Skip(1).Select(r => $"`{r.Command}` ({r.Explanation})"))
                + (best.ImportPathReason.Length == 0 ? "" : $"; {best.ImportPathReason}")
            : best.Probe is null
                ? $"`{best.Command}`"
                : $"`{best.Command}` (when the sandbox has {best.Needs}; without them the task fails saying so)";
    }

    /// <summary>A command with its own control flow or redirections is run as written: rewriting it could change what it checks.</summary>
    private static bool HasShellSyntax(string command) => command.IndexOfAny(['&', '|', ';', '>', '<', '`', '$', '(', '\n']) >= 0;
}
