using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Execution.Agents;
using OmoiOs.Core.Execution.Usage;
using OmoiOs.Infrastructure.Agents;
using OmoiOs.Tests.Infrastructure.Execution;
using OmoiOs.Tests.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Agents;

public sealed class CommandAgentRunnerTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public CommandAgentRunnerTests() => Directory.CreateDirectory(_root.Combine("ws"));

    [Fact]
    public async Task RunAsync_OperatorScriptAgent_CopiedIntoSandboxGetsPromptAndPassedEnvironment()
    {
        File.WriteAllText(_root.Combine("my-agent.sh"), """
            #!/bin/sh
            echo "prompt: $(head -n 1 "$1")"
            echo "key: $MY_AGENT_KEY task: $OMOI_TASK_KEY"
            echo '{"type":"result","total_cost_usd":0.5,"usage":{"input_tokens":10,"output_tokens":4}}'
            """);
        Environment.SetEnvironmentVariable("MY_AGENT_KEY", "k-123");
        try
        {
            await using var sandbox = await CreateSandboxAsync();
            var sut = CreateSut(new AgentOptions { Agent = "mine", Agents = { ["Mine"] = _root.Combine("my-agent.sh") + " {prompt}" }, PassEnvironment = "MY_AGENT_KEY" });

            var run = await sut.RunAsync(sandbox, TaskRunRequests.For("/repo", "TSK-009"), CancellationToken.None);

            Assert.Equal(0, run.Result.ExitCode);
            Assert.Contains("prompt: # TSK-009: Task TSK-009", run.Result.Output);
            Assert.Contains("key: k-123 task: TSK-009", run.Result.Output);
            Assert.Equal(new AgentUsage(10, 4, 0.5m), run.Usage);
            Assert.StartsWith("'/workspace/.omoi/agent/my-agent.sh' '/workspace/.omoi/prompt.md'", run.Command);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MY_AGENT_KEY", null);
        }
    }

    [Fact]
    public async Task RunAsync_SpecNamesAnOperatorAgent_ItsTemplateExpandedWithPromptText()
    {
        await using var sandbox = await CreateSandboxAsync();
        var sut = CreateSut(new AgentOptions { Agents = { ["first-line"] = "printf '%s' {prompt_text} | head -n 1" } });

        var run = await sut.RunAsync(sandbox, TaskRunRequests.For("/repo", "TSK-008", agent: "first-line"), CancellationToken.None);

        Assert.Equal("# TSK-008: Task TSK-008\n", run.Result.Output);
        Assert.Equal(AgentUsage.None, run.Usage);
    }

    [Fact]
    public async Task RunAsync_SpecNamesAHostFileAsAgent_RefusedWithoutCopyingOrRunningAnything()
    {
        var secret = _root.Combine("secret.txt");
        File.WriteAllText(secret, "echo do-not-run\n");
        await using var sandbox = await CreateSandboxAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut(new AgentOptions()).RunAsync(sandbox, TaskRunRequests.For("/repo", "TSK-010", agent: secret), CancellationToken.None));

        Assert.Equal([AgentCatalog.Field], error.Errors.Keys);
        Assert.False(Directory.Exists(_root.Combine("ws", ".omoi")));
    }

    [Fact]
    public async Task RunAsync_CodexPresetOutput_UsageReadInCodexFormat()
    {
        await using var sandbox = await CreateSandboxAsync();
        var codexLike = """printf '%s\n' '{"type":"turn.completed","usage":{"input_tokens":1000,"cached_input_tokens":0,"output_tokens":100}}'""";
        var sut = CreateSut(new AgentOptions { Agent = AgentPresets.Codex, Agents = { [AgentPresets.Codex] = codexLike } });

        var run = await sut.RunAsync(sandbox, TaskRunRequests.For("/repo", "TSK-011"), CancellationToken.None);

        Assert.Equal(new AgentUsage(1000, 100, 0.00225m), run.Usage);
    }

    private static CommandAgentRunner CreateSut(AgentOptions options) => new(Options.Create(options), AgentPresets.Catalog(options));

    private async Task<ISandbox> CreateSandboxAsync() =>
        await SandboxTestOptions.LocalProvider(SandboxTestOptions.Small(_root.Combine("root")))
            .CreateAsync(new SandboxRequest { Name = "agent", WorkspacePath = _root.Combine("ws") }, CancellationToken.None);

    public void Dispose() => _root.Dispose();
}
