using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Sandboxes;

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

    [Fact]
    public async Task RunAsync_ToolchainUnderTheHostsTmp_MountedReadOnlyWithItsBinFirstOnPath()
    {
        var bin = _root.Combine("toolchain", "bin");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "omoi-tool"), "/bin/echo");
        await using var sandbox = await CreateSandboxAsync(options =>
        {
            options.ReadOnlyPaths = _root.Combine("toolchain");
            options.SandboxPath = bin;
        });

        var result = await sandbox.RunAsync(new SandboxCommand($"omoi-tool tool-ran; echo \"$PATH\"; touch {bin}/x 2>/dev/null || echo read-only", Timeout), CancellationToken.None);

        Assert.Equal($"tool-ran\n{bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nread-only\n", result.Output);
        Assert.False(File.Exists(Path.Combine(bin, "x")));
    }

    private async Task<ISandbox> CreateSandboxAsync(Action<SandboxOptions>? configure = null)
    {
        Directory.CreateDirectory(_root.Combine("ws"));
        var options = SandboxTestOptions.Small(_root.Combine("root"));
        configure?.Invoke(options);
        var provider = SandboxTestOptions.LocalProvider(options);
        return await provider.CreateAsync(new SandboxRequest { Name = "t", WorkspacePath = _root.Combine("ws") }, CancellationToken.None);
    }

    public void Dispose() => _root.Dispose();
}
