using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Agents;
using OmoiOs.Infrastructure.Execution;
using OmoiOs.Infrastructure.Execution.Checks;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Workspaces;
using OmoiOs.Tests.Infrastructure.Sandboxes;
using OmoiOs.Tests.Infrastructure.Sandboxes.Daytona;
using OmoiOs.Tests.Infrastructure.Workspaces;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Execution;

public sealed class SandboxTaskRunnerTests : IDisposable
{
    private const string SpecBranch = "omoi/" + TaskRunRequests.SpecId;
    private readonly TempDirectory _root = new();
    private readonly TestRepository _repository = TestRepository.Create(new Dictionary<string, string>
    {
        ["README.md"] = "# Sample\n",
        ["src/app.py"] = "print('app')\n",
    });

    [Fact]
    public async Task RunAsync_ExampleAgentAndPassingCheck_MergesIntoSpecBranchWithoutTouchingCheckout()
    {
        _repository.Write("notes.txt", "uncommitted user work\n");
        _repository.Git("add", "notes.txt");
        _repository.Write("README.md", "# Sample\nedited but not staged\n");
        var before = _repository.CheckoutState();
        var request = TaskRunRequests.For(_repository.Path, "TSK-001", create: ["src/hello.py"], modify: ["README.md"],
            check: "python3 src/hello.py && grep -q 'TSK-001' README.md");

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.True(outcome.Verdict == TaskRunVerdict.Completed, outcome.Log);
        Assert.Equal(before, _repository.CheckoutState());
        Assert.Equal("refs/heads/main", _repository.Git("symbolic-ref", "HEAD"));
        Assert.Contains("TSK-001: Task TSK-001", _repository.Show(SpecBranch, "src/hello.py"));
        Assert.Contains("TSK-001", _repository.Show(SpecBranch, "README.md"));
        Assert.Equal(outcome.Result.MergedCommit, _repository.Git("rev-parse", SpecBranch));
        Assert.Equal(3, _repository.Git("rev-list", "--parents", "-n", "1", SpecBranch).Split(' ').Length);
        Assert.Equal(SpecBranch + "-tasks/tsk-001", outcome.Result.Branch);
        Assert.Contains("src/hello.py", outcome.Result.DiffStat);
        Assert.True(outcome.Result.ChecksPassed);
        Assert.Equal(0, outcome.Result.ExitCode);
        Assert.Equal(0, outcome.Result.CheckExitCode);
        Assert.True(outcome.Result.InputTokens > 0);
        Assert.Contains("== agent", outcome.Log);
        Assert.Contains("== check", outcome.Log);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Combine("workspaces", TaskRunRequests.SpecId)));
        Assert.Equal("", _repository.Git("branch", "--list", SpecBranch + "-tasks/*"));
        Assert.EndsWith($"({SpecBranch}-tasks/tsk-001)", _repository.Git("log", "-1", "--format=%s", SpecBranch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SpecKeepsTaskBranches_LeavesTheMergedTaskBranch()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-004", create: ["docs/four.md"]);
        request = request with { Spec = request.Spec with { Options = request.Spec.Options with { KeepTaskBranches = true } } };

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Completed, outcome.Verdict);
        Assert.NotNull(_repository.Show(SpecBranch + "-tasks/tsk-004", "docs/four.md"));
    }

    [Fact]
    public async Task RunAsync_CheckFails_NeedsRevisionWithCheckOutputAndSpecBranchUnchanged()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-002", create: ["src/broken.py"], check: "echo '3 tests failed'; exit 1");
        var sut = CreateSut();

        var outcome = await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.NeedsRevision, outcome.Verdict);
        Assert.Contains("3 tests failed", outcome.Feedback);
        Assert.Equal(1, outcome.Result.CheckExitCode);
        Assert.False(outcome.Result.ChecksPassed);
        Assert.Equal(_repository.Git("rev-parse", "main"), _repository.Git("rev-parse", SpecBranch));
        Assert.NotNull(_repository.Show(SpecBranch + "-tasks/tsk-002", "src/broken.py"));
    }

    [Fact]
    public async Task RunAsync_SpecBranchMovedOnSameLines_NeedsRevisionWithConflict()
    {
        var gate = new TaskCompletionSource();
        var gated = new GatedAgentRunner(Agent(), gate.Task);
        var first = CreateSut(gated).RunAsync(TaskRunRequests.For(_repository.Path, "TSK-010", modify: ["README.md"]), CancellationToken.None);
        await gated.Waiting;

        var second = await CreateSut().RunAsync(TaskRunRequests.For(_repository.Path, "TSK-011", modify: ["README.md"]), CancellationToken.None);
        gate.SetResult();
        var outcome = await first;

        Assert.Equal(TaskRunVerdict.Completed, second.Verdict);
        Assert.Equal(TaskRunVerdict.NeedsRevision, outcome.Verdict);
        Assert.Contains("README.md", outcome.Feedback);
        Assert.Contains("conflicted", outcome.Feedback);
        Assert.Equal(second.Result.MergedCommit, _repository.Git("rev-parse", SpecBranch));
    }

    [Fact]
    public async Task RunAsync_SameAttemptAfterItWasMerged_CompletesWithoutRunningTheAgent()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-003", create: ["docs/three.md"]);
        var first = await CreateSut().RunAsync(request, CancellationToken.None);
        var counting = new GatedAgentRunner(Agent(), Task.CompletedTask);

        var again = await CreateSut(counting).RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Completed, first.Verdict);
        Assert.Equal(TaskRunVerdict.Completed, again.Verdict);
        Assert.Equal(first.Result.MergedCommit, again.Result.MergedCommit);
        Assert.Equal(0, counting.Runs);
        Assert.Contains("already merged", again.Log);
        Assert.Equal(1, int.Parse(_repository.Git("rev-list", "--merges", "--count", SpecBranch), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunAsync_SameAttemptAfterItWasMergedAndItsWorkerDied_RemovesTheWorkspaceItLeft()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-004", create: ["docs/four.md"]);
        await CreateSut().RunAsync(request, CancellationToken.None);
        // What a worker killed between the merge and its cleanup leaves behind.
        var leftover = Directory.CreateDirectory(_root.Combine("workspaces", request.Spec.Id, "tsk-004")).FullName;
        await File.WriteAllTextAsync(Path.Combine(leftover, "half-done.txt"), "x");

        var again = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Completed, again.Verdict);
        Assert.False(Directory.Exists(leftover), $"{leftover} is still there");
    }

    [Fact]
    public async Task RunAsync_AgentCommandMissing_Failed()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-004", agent: "missing");

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.Contains("could not be run (exit 127)", outcome.Error);
    }

    [Fact]
    public async Task RunAsync_AgentExitsNonZero_NeedsRevisionWithItsOutput()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-005", agent: "refuses");

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.True(outcome.Verdict == TaskRunVerdict.NeedsRevision, outcome.Error + outcome.Log);
        Assert.Contains("model refused", outcome.Feedback);
        Assert.Equal(3, outcome.Result.ExitCode);
    }

    [Fact]
    public async Task RunAsync_AgentOutlivesTaskTimeout_FailedNamingTheLimit()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-006", agent: "sleeper", timeoutSeconds: 1);

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.Contains("wall-clock timeout", outcome.Error);
    }

    [Fact]
    public async Task RunAsync_RepositoryIsNotLocal_Failed()
    {
        var request = TaskRunRequests.For("https://example.invalid/repo.git", "TSK-007");

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.Contains("not a local directory", outcome.Error);
    }

    [Fact]
    public async Task RunAsync_SampleAppTasksInOrder_AllMergedAndSampleTestsPassOnSpecBranch()
    {
        var sample = await SampleRepository.CreateAsync();
        try
        {
            var before = await SampleRepository.GitAsync(sample, CancellationToken.None, "status", "--porcelain", "-b");
            var sut = CreateSut();
            (string Key, string[] Create, string[] Modify)[] tasks =
            [
                ("TSK-001", ["sample_app/greeting_config.py", "tests/test_greeting_config.py"], ["sample_app/greeting.py"]),
                ("TSK-002", [], ["sample_app/cli.py", "tests/test_cli.py", "scripts/greet.sh"]),
                ("TSK-003", ["src/greeting-word.js"], ["README.md", "package.json"]),
            ];

            var outcomes = new List<TaskRunOutcome>();
            foreach (var (key, create, modify) in tasks)
            {
                outcomes.Add(await sut.RunAsync(TaskRunRequests.For(sample, key, create: create, modify: modify, check: "./run-tests.sh"), CancellationToken.None));
            }

            Assert.All(outcomes, o => Assert.True(o.Verdict == TaskRunVerdict.Completed, o.Error + o.Log));
            Assert.All(outcomes, o => Assert.Equal(0, o.Result.CheckExitCode));
            Assert.Equal(outcomes[^1].Result.MergedCommit, (await SampleRepository.GitAsync(sample, CancellationToken.None, "rev-parse", SpecBranch)).Trim());
            var merged = await SampleRepository.GitAsync(sample, CancellationToken.None, "log", "--merges", "--format=%s", SpecBranch);
            Assert.Equal(["TSK-003", "TSK-002", "TSK-001"], merged.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[1].TrimEnd(':')));
            Assert.Equal(before, await SampleRepository.GitAsync(sample, CancellationToken.None, "status", "--porcelain", "-b"));
        }
        finally
        {
            SampleRepository.Delete(sample);
        }
    }

    [Fact]
    public async Task RunAsync_DaytonaSandbox_RunsRemotelyMergesAndDeletesTheSandbox()
    {
        await using var server = await FakeDaytonaServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OMOI_SANDBOX"] = "daytona",
            ["OMOI_DAYTONA_API_URL"] = server.ApiUrl,
            ["OMOI_DAYTONA_API_KEY"] = FakeDaytonaServer.ApiKey,
            ["OMOI_DAYTONA_WORKSPACE_PATH"] = _root.Combine("remote"),
            ["OMOI_DAYTONA_POLL_INTERVAL"] = "00:00:00.010",
            ["OMOI_WORKSPACE_ROOT"] = _root.Combine("workspaces"),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSandboxes(configuration).BuildServiceProvider();
        var request = TaskRunRequests.For(_repository.Path, "TSK-020", create: ["src/remote.py"], check: "python3 src/remote.py");

        var outcome = await services.GetRequiredService<ITaskRunner>().RunAsync(request, CancellationToken.None);

        Assert.True(outcome.Verdict == TaskRunVerdict.Completed, outcome.Error + outcome.Log);
        Assert.Contains("TSK-020", _repository.Show(SpecBranch, "src/remote.py"));
        Assert.Single(server.Created);
        Assert.True(server.AllDeleted);
    }

    private const string PythonTests = """
        from calc import add


        def test_add():
            assert add(2, 3) == 5


        class TestAdd:
            def test_negative(self):
                assert add(-1, 1) == 0

        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_PythonRepositoryWithPytestStyleTests_RunsThemWithPytestOrItsFallbackAndSaysWhich(bool pytestInSandbox)
    {
        using var python = PythonWithoutPytest.Create();
        using var repository = PythonRepository(PythonTests);
        var request = TaskRunRequests.For(repository.Path, "TSK-030", modify: ["calc.py"], check: "python -m pytest");

        var outcome = await CreateSut(configure: pytestInSandbox ? null : python.ApplyTo).RunAsync(request, CancellationToken.None);

        Assert.True(outcome.Verdict == TaskRunVerdict.Completed, outcome.Error + outcome.Feedback + outcome.Log);
        Assert.Equal(pytestInSandbox ? "python3 -m pytest" : CheckCatalog.PythonFallbackCommand, outcome.Result.CheckCommand);
        Assert.Equal(2, PassedCount(outcome.Log));
        Assert.Contains($"== check chosen: `{outcome.Result.CheckCommand}`", outcome.Log);
        if (pytestInSandbox)
        {
            Assert.Matches(@"^the sandbox has pytest importable by python3 \(`python3 -m pytest --version`: pytest \d", outcome.Result.CheckReason);
        }
        else
        {
            Assert.StartsWith("the sandbox has no pytest importable by python3 (`python3 -m pytest --version`: ", outcome.Result.CheckReason);
            Assert.Contains("No module named pytest", outcome.Result.CheckReason);
            Assert.Contains("instead, which compiles every Python file, then runs pytest-style test functions", outcome.Result.CheckReason);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_PythonTestFails_NeedsRevisionNamingTheTestWithPytestOrItsFallback(bool pytestInSandbox)
    {
        using var python = PythonWithoutPytest.Create();
        using var repository = PythonRepository(PythonTests + "\ndef test_add_is_wrong():\n    assert add(2, 2) == 5\n");
        var request = TaskRunRequests.For(repository.Path, "TSK-031", modify: ["calc.py"], check: "python3 -m pytest");

        var outcome = await CreateSut(configure: pytestInSandbox ? null : python.ApplyTo).RunAsync(request, CancellationToken.None);

        Assert.True(outcome.Verdict == TaskRunVerdict.NeedsRevision, outcome.Error + outcome.Log);
        Assert.True(outcome.Retryable);
        Assert.Equal(1, outcome.Result.CheckExitCode);
        Assert.False(outcome.Result.ChecksPassed);
        Assert.Contains("test_add_is_wrong", outcome.Feedback);
        Assert.Equal(repository.Git("rev-parse", "main"), repository.Git("rev-parse", SpecBranch));
    }

    [Fact]
    public async Task RunAsync_TestsImportPytestAndTheSandboxHasNone_FailsWithoutRetryNamingPytest()
    {
        using var python = PythonWithoutPytest.Create();
        using var repository = PythonRepository("import pytest\n\n\ndef test_raises():\n    with pytest.raises(TypeError):\n        add(1)\n");

        var outcome = await CreateSut(configure: python.ApplyTo).RunAsync(TaskRunRequests.For(repository.Path, "TSK-032", check: "python3 -m pytest"), CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.False(outcome.Retryable);
        Assert.Contains("could not run (exit 127)", outcome.Error);
        Assert.Contains("tests/test_calc.py imports pytest, which is not installed in the sandbox", outcome.Error);
    }

    [Fact]
    public async Task RunAsync_NoToolForTheDetectedCheckInTheSandbox_FailsBeforeTheAgentWithoutRetry()
    {
        var counting = new GatedAgentRunner(Agent(), Task.CompletedTask);
        var request = TaskRunRequests.For(_repository.Path, "TSK-033", check: "omoi-absent-runner test");

        var outcome = await CreateSut(counting).RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.False(outcome.Retryable);
        Assert.Equal(0, counting.Runs);
        Assert.Null(outcome.Result.CheckCommand);
        Assert.StartsWith("The check `omoi-absent-runner test` cannot run: no check can run in the sandbox: no omoi-absent-runner on the sandbox's PATH", outcome.Error);
        Assert.Contains(CheckCatalog.WaysToProvideTools, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GivenCheckCommandNotFound_FailsWithoutRetry()
    {
        var request = TaskRunRequests.For(_repository.Path, "TSK-034", givenCheck: "omoi-absent-runner --all");

        var outcome = await CreateSut().RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.False(outcome.Retryable);
        Assert.Equal("the spec's options.checkCommand, run as given", outcome.Result.CheckReason);
        Assert.Contains("The check `omoi-absent-runner --all` could not run (exit 127)", outcome.Error);
        Assert.EndsWith($"\n{CheckCatalog.WaysToProvideTools}.", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_RepositorySetupScript_RunsBeforeTheAgentWithNetworkOnlyWhenPermittedAndOnlyForIt(bool setupNetwork)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connect = $"python3 -c \"import socket; socket.create_connection(('127.0.0.1', {((IPEndPoint)listener.LocalEndpoint).Port}), timeout=5)\"";
        _repository.Write(".omoi/setup.sh", $"echo prepared > .omoi/setup-done\nif {connect} 2>/dev/null; then echo setup-online; else echo setup-offline; fi\n");
        _repository.Git("add", "-A");
        _repository.Git("commit", "--quiet", "-m", "setup script");
        var agents = new AgentOptions
        {
            Agents = { ["reads-setup"] = $"cat .omoi/setup-done; if {connect} 2>/dev/null; then echo agent-online; else echo agent-offline; fi" },
        };
        var agent = new CommandAgentRunner(Options.Create(agents), AgentPresets.Catalog(agents));

        var outcome = await CreateSut(agent, options => options.SetupNetwork = setupNetwork)
            .RunAsync(TaskRunRequests.For(_repository.Path, "TSK-035", agent: "reads-setup"), CancellationToken.None);

        Assert.True(outcome.Verdict == TaskRunVerdict.Completed, outcome.Error + outcome.Log);
        Assert.Contains($"== setup (.omoi/setup.sh in the repository; network {(setupNetwork ? "allowed" : "off")})\n$ sh .omoi/setup.sh", outcome.Log);
        Assert.Contains(setupNetwork ? "setup-online" : "setup-offline", outcome.Log);
        var agentOutput = outcome.Log[outcome.Log.IndexOf("== agent", StringComparison.Ordinal)..];
        Assert.Contains("prepared", agentOutput);
        Assert.Contains("agent-offline", agentOutput);
        Assert.True(outcome.Log.IndexOf("== setup", StringComparison.Ordinal) < outcome.Log.IndexOf("== agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SetupCommandFails_FailsWithoutRetryNamingTheStepAndItsOutputInsteadOfTheRepositoryScript()
    {
        _repository.Write(".omoi/setup.sh", "echo repository-setup-ran\n");
        _repository.Git("add", "-A");
        _repository.Git("commit", "--quiet", "-m", "setup script");
        var counting = new GatedAgentRunner(Agent(), Task.CompletedTask);
        var request = TaskRunRequests.For(_repository.Path, "TSK-036", setup: "echo 'no wheel for numpy'; exit 2");

        var outcome = await CreateSut(counting).RunAsync(request, CancellationToken.None);

        Assert.Equal(TaskRunVerdict.Failed, outcome.Verdict);
        Assert.False(outcome.Retryable);
        Assert.Equal(0, counting.Runs);
        Assert.StartsWith("The setup step (options.setupCommand) failed (exit 2). The end of its output:\nno wheel for numpy", outcome.Error);
        Assert.DoesNotContain("repository-setup-ran", outcome.Log);
    }

    private static TestRepository PythonRepository(string tests) => TestRepository.Create(new Dictionary<string, string>
    {
        ["pyproject.toml"] = "[project]\nname = \"calc\"\nversion = \"0.1.0\"\n",
        ["calc.py"] = "def add(a, b):\n    return a + b\n",
        ["tests/test_calc.py"] = tests,
    });

    /// <summary>The tests the check reported passed: pytest's "N passed", or the fallback's "N passed" of its summary.</summary>
    private static int PassedCount(string log)
    {
        var check = log[log.LastIndexOf("== check\n", StringComparison.Ordinal)..];
        var match = Regex.Match(check, @"(\d+) passed");
        Assert.True(match.Success, check);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private SandboxTaskRunner CreateSut(IAgentRunner? agent = null, Action<SandboxOptions>? configure = null)
    {
        var sandboxOptions = SandboxTestOptions.Small(_root.Combine("workspaces"));
        configure?.Invoke(sandboxOptions);
        var options = Options.Create(sandboxOptions);
        return new SandboxTaskRunner(
            SandboxTestOptions.LocalProvider(options.Value),
            agent ?? Agent(),
            new SandboxCheckResolver(),
            new TaskWorkspaces(options, NullLogger<TaskWorkspaces>.Instance),
            options,
            NullLogger<SandboxTaskRunner>.Instance);
    }

    private static CommandAgentRunner Agent()
    {
        var options = new AgentOptions
        {
            Agents =
            {
                ["missing"] = "no-such-agent-binary {prompt}",
                ["refuses"] = "echo 'model refused'; exit 3",
                ["sleeper"] = "sleep 30",
            },
        };
        return new(Options.Create(options), AgentPresets.Catalog(options));
    }

    public void Dispose()
    {
        _repository.Dispose();
        _root.Dispose();
    }

    /// <summary>Holds the agent until released, and counts the runs that got through.</summary>
    private sealed class GatedAgentRunner(IAgentRunner inner, Task gate) : IAgentRunner
    {
        private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Waiting => _waiting.Task;

        public int Runs { get; private set; }

        public async Task<AgentRun> RunAsync(ISandbox sandbox, TaskRunRequest request, CancellationToken cancellationToken)
        {
            _waiting.TrySetResult();
            await gate;
            Runs++;
            return await inner.RunAsync(sandbox, request, cancellationToken);
        }
    }
}
