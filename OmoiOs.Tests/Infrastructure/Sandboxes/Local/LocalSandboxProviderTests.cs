using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Infrastructure.Sandboxes.Local;

public sealed class LocalSandboxProviderTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task RunAsync_TrivialCommand_RunsInWorkspaceAsUnprivilegedUser()
    {
        await using var sandbox = await CreateSandboxAsync();

        var result = await sandbox.RunAsync(new SandboxCommand("pwd; id -u; echo hello > made.txt", Timeout), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/workspace\n1000\n", result.Output);
        Assert.Equal("hello\n", File.ReadAllText(_root.Combine("ws", "made.txt")));
    }

    private async Task<ISandbox> CreateSandboxAsync(Action<SandboxRequest>? configure = null)
    {
        Directory.CreateDirectory(_root.Combine("ws"));
        var provider = SandboxTestOptions.LocalProvider(SandboxTestOptions.Small(_root.Combine("root")));
        return await provider.CreateAsync(new SandboxRequest { Name = "t", WorkspacePath = _root.Combine("ws") }, CancellationToken.None);
    }

    public void Dispose() => _root.Dispose();
}
