using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Infrastructure.LocalDev;

namespace OmoiOs.Tests.Support;

/// <summary>
/// An Azurite of a test's own, on free ports with its data in a fresh folder (so it can be stopped or killed without
/// touching the shared one), started through the same launcher <c>omoi</c> uses.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly AzuriteLauncher _launcher = new(NullLogger<AzuriteLauncher>.Instance);

    private PrivateAzurite(AzuriteSettings settings) => Settings = settings;

    public AzuriteSettings Settings { get; }

    public int? Pid { get; private set; }

    public static async Task<PrivateAzurite> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "omoi-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        var ports = FreePorts(3);
        var azurite = new PrivateAzurite(new AzuriteSettings(directory) { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2] });
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts it again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        var status = await _launcher.EnsureRunningAsync(Settings, AppContext.BaseDirectory, CancellationToken.None);
        Assert.True(status.Started, status.Describe());
        Pid = status.Pid;
    }

    /// <summary>The graceful stop <c>omoi storage stop</c> does.</summary>
    public Task<AzuriteStop> StopAsync() => _launcher.StopAsync(Settings, TimeSpan.FromSeconds(30), CancellationToken.None);

    /// <summary>SIGKILL: Azurite gets no chance to save what it holds in memory.</summary>
    public async Task KillAsync()
    {
        var pid = Pid ?? throw new InvalidOperationException("Not running.");
        PosixProcess.Signal(pid, PosixProcess.SigKill);
        await AzuriteLauncher.WaitForExitAsync(Settings, pid, CancellationToken.None);

        Pid = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Settings.Directory, recursive: true);
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
