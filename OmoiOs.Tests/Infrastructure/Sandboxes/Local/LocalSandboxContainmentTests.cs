using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Tests.Infrastructure.Sandboxes.Local;

/// <summary>A hostile agent script against the real bubblewrap sandbox: every escape attempt is contained and reported.</summary>
public sealed class LocalSandboxContainmentTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _root = new();
    private readonly SandboxOptions _options;

    public LocalSandboxContainmentTests()
    {
        _options = SandboxTestOptions.Small(_root.Combine("root"));
        Directory.CreateDirectory(_root.Combine("ws"));
    }

    [Fact]
    public async Task RunAsync_WritesOutsideWorkspace_AllRefusedAndHostUntouched()
    {
        var marker = $"omoi-escape-{Guid.NewGuid():N}";
        Directory.CreateDirectory(_root.Combine("user-repo"));
        await using var sandbox = await CreateAsync();

        var result = await RunAsync(sandbox,
            $"for target in /{marker} /usr/{marker} /etc/{marker} /root/{marker} {_root.Combine("user-repo", marker)} /tmp/{marker}; do " +
            "if echo x > \"$target\" 2>/dev/null; then echo \"wrote $target\"; fi; done; echo x > \"$HOME/{marker}\" && echo home-ok");

        Assert.DoesNotContain("wrote /" + marker, result.Output);
        Assert.DoesNotContain("wrote /usr", result.Output);
        Assert.DoesNotContain("wrote /etc", result.Output);
        Assert.DoesNotContain("wrote /root", result.Output);
        Assert.DoesNotContain("wrote " + _root.Path, result.Output);
        Assert.Contains("wrote /tmp/" + marker, result.Output);
        Assert.Contains("home-ok", result.Output);
        foreach (var hostPath in new[] { "/" + marker, "/usr/" + marker, "/etc/" + marker, "/root/" + marker, "/tmp/" + marker, _root.Combine("user-repo", marker) })
        {
            Assert.False(File.Exists(hostPath), hostPath);
        }
    }

    [Fact]
    public async Task RunAsync_ReadsHostSecrets_NothingVisible()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable("OMOI_TEST_HOST_SECRET", secret);
        File.WriteAllText(_root.Combine("id_rsa"), secret);
        await using var sandbox = await CreateAsync();

        var result = await RunAsync(sandbox,
            $"env; cat /proc/1/environ; cat {_root.Combine("id_rsa")}; ls -a /root /home; cat ~/.ssh/* /root/.ssh/* /etc/shadow; true");

        Assert.DoesNotContain(secret, result.Output);
        Assert.DoesNotContain("OMOI_TEST_HOST_SECRET", result.Output);
        Assert.Contains("No such file or directory", result.Output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_OpensTcpConnectionToHost_BlockedUnlessNetworkAllowed(bool allowNetwork)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var sandbox = await CreateAsync(allowNetwork);

        var result = await RunAsync(sandbox,
            $"python3 -c \"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5); print('connected')\"");

        Assert.Equal(allowNetwork, result.Output.Contains("connected", StringComparison.Ordinal));
        Assert.Equal(allowNetwork, listener.Pending());
    }

    [Fact]
    public async Task RunAsync_ForkBomb_ProcessLimitReachedAndSandboxStillUsable()
    {
        await using var sandbox = await CreateAsync();
        await using var neighbour = await CreateAsync();

        var bomb = RunAsync(sandbox, "bomb() { bomb | bomb & }; bomb; sleep 2", TimeSpan.FromSeconds(5));
        var other = await RunAsync(neighbour, "echo neighbour-ok");
        var result = await bomb;
        var after = await RunAsync(sandbox, "echo still-ok");

        Assert.True(result.ProcessLimitReached, result.Output);
        Assert.Equal("neighbour-ok\n", other.Output);
        Assert.Equal("still-ok\n", after.Output);
    }

    [Fact]
    public async Task RunAsync_OutlivesTimeout_WholeProcessTreeKilled()
    {
        await using var sandbox = await CreateAsync();

        var result = await RunAsync(sandbox, "(sleep 2; echo late > late.txt) & sleep 60", TimeSpan.FromMilliseconds(500));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True(result.TimedOut);
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(_root.Combine("ws", "late.txt")), "a background process outlived the timeout");
    }

    [Fact]
    public async Task RunAsync_Prints200MB_OutputCappedAndSizeRecorded()
    {
        await using var sandbox = await CreateAsync();

        var result = await RunAsync(sandbox, "echo start; head -c 200000000 /dev/zero | tr '\\0' x; echo; echo end");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Truncated);
        Assert.Equal(200_000_000 + "start\n".Length + "\nend\n".Length, result.TotalOutputBytes);
        Assert.StartsWith("start\n", result.Output);
        Assert.EndsWith("\nend\n", result.Output);
        Assert.Contains("bytes omitted", result.Output);
        Assert.True(result.Output.Length < 2 * _options.OutputLimitBytes);
    }

    [Fact]
    public async Task RunAsync_FillsDiskOnQuotaVolume_WriteRefusedAndQuotaReported()
    {
        var workspaces = new TaskWorkspaces(Options.Create(_options), NullLogger<TaskWorkspaces>.Instance);
        using var repository = Workspaces.TestRepository.Create(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var workspace = await workspaces.CreateAsync(repository.Path, "main", "t", "quota", CancellationToken.None);
        try
        {
            var provider = SandboxTestOptions.LocalProvider(_options);
            await using var sandbox = await provider.CreateAsync(new SandboxRequest { Name = "quota", WorkspacePath = workspace.Path }, CancellationToken.None);

            var result = await RunAsync(sandbox, "dd if=/dev/zero of=big bs=1M count=64");

            Assert.True(result.DiskQuotaExceeded, result.Output);
            Assert.True(new FileInfo(Path.Combine(workspace.Path, "big")).Length <= _options.DiskQuotaBytes);
        }
        finally
        {
            await workspaces.DeleteAsync(workspace, CancellationToken.None);
        }
    }

    [Fact]
    public async Task RunAsync_FillsDiskOnPlainDirectory_KilledWhenOverQuota()
    {
        await using var sandbox = await CreateAsync();

        var result = await RunAsync(sandbox, "while true; do head -c 1048576 /dev/zero >> big; done", TimeSpan.FromSeconds(20));

        Assert.True(result.DiskQuotaExceeded, result.Output);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task CreateAsync_BubblewrapMissing_RefusesWithInstructions()
    {
        var options = SandboxTestOptions.Small(_root.Combine("root"));
        options.BubblewrapPath = "/nonexistent/bwrap";
        var provider = SandboxTestOptions.LocalProvider(options);

        var error = await Assert.ThrowsAsync<OmoiOs.Core.Errors.SandboxUnavailableException>(() =>
            provider.CreateAsync(new SandboxRequest { Name = "x", WorkspacePath = _root.Combine("ws") }, CancellationToken.None));

        Assert.Contains("apt-get install bubblewrap", error.Message);
        Assert.Contains("OMOI_UNSAFE_NO_SANDBOX", error.Message);
    }

    private async Task<ISandbox> CreateAsync(bool allowNetwork = false) =>
        await SandboxTestOptions.LocalProvider(_options)
            .CreateAsync(new SandboxRequest { Name = "hostile", WorkspacePath = _root.Combine("ws"), AllowNetwork = allowNetwork }, CancellationToken.None);

    private static Task<SandboxCommandResult> RunAsync(ISandbox sandbox, string script, TimeSpan? timeout = null) =>
        sandbox.RunAsync(new SandboxCommand(script, timeout ?? Timeout), CancellationToken.None);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("OMOI_TEST_HOST_SECRET", null);
        _root.Dispose();
    }
}
