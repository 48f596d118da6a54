using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Agents;
using OmoiOs.Tests.Infrastructure.Execution;
using OmoiOs.Tests.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Agents;

public sealed class CommandAgentRunnerTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public CommandAgentRunnerTests() => Directory.CreateDirectory(_root.Combine("ws"));

    [Fact]
    public async Task RunAsync_HostScriptAgent_CopiedIntoSandboxGetsPromptAndPassedEnvironment()
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
            var sut = new CommandAgentRunner(Options.Create(new AgentOptions { Agent = _root.Combine("my-agent.sh") + " {prompt}", PassEnvironment = "MY_AGENT_KEY" }));

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
    public async Task RunAsync_SpecOverridesAgent_TemplateExpandedWithPromptText()
    {
        await using var sandbox = await CreateSandboxAsync();
        var sut = new CommandAgentRunner(Options.Create(new AgentOptions()));

        var run = await sut.RunAsync(sandbox, TaskRunRequests.For("/repo", "TSK-008", agent: "printf '%s' {prompt_text} | head -n 1"), CancellationToken.None);

        Assert.Equal("# TSK-008: Task TSK-008\n", run.Result.Output);
        Assert.Equal(AgentUsage.None, run.Usage);
    }

    private async Task<ISandbox> CreateSandboxAsync() =>
        await SandboxTestOptions.LocalProvider(SandboxTestOptions.Small(_root.Combine("root")))
            .CreateAsync(new SandboxRequest { Name = "agent", WorkspacePath = _root.Combine("ws") }, CancellationToken.None);

    public void Dispose() => _root.Dispose();
}
