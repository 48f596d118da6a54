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
        var ports = FreePorts.Take(3);
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

    /// <summary>
    /// Copies what Azurite has saved so far: its databases first, then the blob and queue extents they point into (which
    /// only grow, so extents copied later still hold everything the databases name).
    /// </summary>
    public string SaveCopy()
    {
        var copy = Settings.Directory + "-copy-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(copy);
        foreach (var database in Directory.GetFiles(Settings.Directory, "__azurite_db_*.json"))
        {
            File.Copy(database, Path.Combine(copy, Path.GetFileName(database)));
        }

        foreach (var extents in Directory.GetDirectories(Settings.Directory, "__*storage__"))
        {
            CopyFolder(extents, Path.Combine(copy, Path.GetFileName(extents)));
        }

        return copy;
    }

    /// <summary>
    /// SIGKILLs Azurite, puts back a copy <see cref="SaveCopy"/> made and starts it again: storage that lost every write it
    /// acknowledged since the copy, as a restore from a backup would.
    /// </summary>
    public async Task KillAndRestoreAsync(string copy)
    {
        await KillAsync();
        foreach (var entry in Directory.GetFileSystemEntries(Settings.Directory, "__*"))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        CopyFolder(copy, Settings.Directory);
        Directory.Delete(copy, recursive: true);
        await RestartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Settings.Directory, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
