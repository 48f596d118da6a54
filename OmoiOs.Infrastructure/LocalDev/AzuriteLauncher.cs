using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Infrastructure.LocalDev;

/// <summary>
/// Runs the npm-pinned Azurite on 127.0.0.1 for the local hosts. An Azurite it starts is detached (its own session,
/// not a child of the command) so it outlives the command that needed it and later commands reuse it; its data, pid and
/// log are in <see cref="AzuriteSettings.Directory"/>. It is never killed while its tables may be unsaved: Azurite keeps
/// tables in memory and saves them every 5 s and when it gets SIGTERM or SIGINT, so <see cref="StopAsync"/> sends SIGTERM
/// and waits (docs/reliability.md has the measurements).
/// </summary>
public sealed class AzuriteLauncher(ILogger<AzuriteLauncher> logger)
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly string[] SavedLines = ["Azurite Table service successfully closed", "Azurite Blob service successfully closed", "Azurite Queue service successfully closed"];

    /// <summary>Makes sure Azurite answers on the settings' table port, starting one (detached) when nothing does.</summary>
    /// <param name="searchFrom">Where to look for <c>node_modules/.bin/azurite</c> (this folder and its parents); else <c>azurite</c> on PATH.</param>
    public async Task<AzuriteStatus> EnsureRunningAsync(AzuriteSettings settings, string searchFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await IsListeningAsync(settings.TablePort, cancellationToken).ConfigureAwait(false))
        {
            return new AzuriteStatus(settings, true, LivePid(settings), Started: false);
        }

        Directory.CreateDirectory(settings.Directory);
        // Two commands starting at once: the second waits here and then finds the first one's Azurite listening.
        await using var startLock = await LockAsync(settings, cancellationToken).ConfigureAwait(false);
        if (await IsListeningAsync(settings.TablePort, cancellationToken).ConfigureAwait(false))
        {
            return new AzuriteStatus(settings, true, LivePid(settings), Started: false);
        }

        var executable = FindAzurite(searchFrom)
            ?? throw new InvalidOperationException($"Azurite is not running on 127.0.0.1:{settings.TablePort} and no node_modules/.bin/azurite (nor azurite on PATH) was found: run `npm ci` in the OmoiOs checkout, or start Azurite yourself.");
        var logStart = File.Exists(settings.LogFile) ? new FileInfo(settings.LogFile).Length : 0;
        var pid = await SpawnDetachedAsync(executable, settings, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(settings.PidFile, pid.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Started Azurite (pid {Pid}) from {Executable} with data in {Directory}", pid, executable, settings.Directory);

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (!PosixProcess.IsAlive(pid))
            {
                File.Delete(settings.PidFile);
                throw new InvalidOperationException($"Azurite exited at start: {LogSince(settings, logStart).Trim()} (log: {settings.LogFile})");
            }

            if (await IsListeningAsync(settings.TablePort, cancellationToken).ConfigureAwait(false))
            {
                return new AzuriteStatus(settings, true, pid, Started: true);
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Azurite (pid {pid}) did not listen on 127.0.0.1:{settings.TablePort} within {StartDeadline.TotalSeconds:0} s; see {settings.LogFile}.");
    }

    public static async Task<AzuriteStatus> StatusAsync(AzuriteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AzuriteStatus(settings, await IsListeningAsync(settings.TablePort, cancellationToken).ConfigureAwait(false), LivePid(settings), Started: false);
    }

    /// <summary>
    /// Stops the Azurite started for <paramref name="settings"/> the way it saves its tables (SIGTERM) and waits up to
    /// <paramref name="wait"/> for it to exit. One that reported its services closed (tables saved) but lingers is then
    /// killed; one that reported nothing is left running (<see cref="AzuriteStopOutcome.TimedOut"/>).
    /// </summary>
    public async Task<AzuriteStop> StopAsync(AzuriteSettings settings, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (LivePid(settings) is not { } pid)
        {
            return new AzuriteStop(AzuriteStopOutcome.NotRunning, null, TimeSpan.Zero);
        }

        var logStart = File.Exists(settings.LogFile) ? new FileInfo(settings.LogFile).Length : 0;
        var elapsed = Stopwatch.StartNew();
        PosixProcess.Signal(pid, PosixProcess.SigTerm);
        var saved = false;
        while (elapsed.Elapsed < wait)
        {
            if (await HasExitedAsync(settings, pid, cancellationToken).ConfigureAwait(false))
            {
                File.Delete(settings.PidFile);
                return new AzuriteStop(AzuriteStopOutcome.Stopped, pid, elapsed.Elapsed);
            }

            saved = saved || SavedLines.All(LogSince(settings, logStart).Contains);
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        if (!saved)
        {
            logger.LogWarning("Azurite (pid {Pid}) did not report its data saved within {Wait}", pid, wait);
            return new AzuriteStop(AzuriteStopOutcome.TimedOut, pid, elapsed.Elapsed);
        }

        PosixProcess.Signal(pid, PosixProcess.SigKill);
        await WaitForExitAsync(settings, pid, cancellationToken).ConfigureAwait(false);
        File.Delete(settings.PidFile);
        return new AzuriteStop(AzuriteStopOutcome.KilledAfterSaving, pid, elapsed.Elapsed);
    }

    /// <summary>Waits until <paramref name="pid"/> has exited and nothing answers on the table port any more.</summary>
    internal static async Task WaitForExitAsync(AzuriteSettings settings, int pid, CancellationToken cancellationToken)
    {
        while (!await HasExitedAsync(settings, pid, cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    // Node's main thread can be a zombie while its other threads still hold the sockets: gone means the port is closed too.
    private static async Task<bool> HasExitedAsync(AzuriteSettings settings, int pid, CancellationToken cancellationToken) =>
        !PosixProcess.IsAlive(pid) && !await IsListeningAsync(settings.TablePort, cancellationToken).ConfigureAwait(false);

    internal static string? FindAzurite(string searchFrom)
    {
        for (var dir = new DirectoryInfo(searchFrom); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "azurite"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The pid in the pid file when that process is alive and is Azurite on this data directory.</summary>
    private static int? LivePid(AzuriteSettings settings)
    {
        if (!File.Exists(settings.PidFile) || !int.TryParse(File.ReadAllText(settings.PidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        // A pid file outlives its process and pids are reused: only the process it names with our data directory counts.
        var commandLine = PosixProcess.CommandLine(pid);
        return commandLine is not null && commandLine.Contains("azurite", StringComparison.Ordinal) && commandLine.Contains(settings.Directory, StringComparison.Ordinal)
            ? pid
            : null;
    }

    /// <summary>
    /// Starts Azurite in a session of its own whose parent exits at once, so it is not in this process's tree (a Ctrl+C or
    /// a kill of the command's process tree does not reach it) and writes to its log file, not to a pipe that closes with us.
    /// </summary>
    private static async Task<int> SpawnDetachedAsync(string executable, AzuriteSettings settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList =
            {
                "-c", "log=$1; shift; setsid \"$@\" >>\"$log\" 2>&1 </dev/null & echo $!", "sh", settings.LogFile,
                executable, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", settings.Directory,
                "--blobHost", "127.0.0.1", "--blobPort", Port(settings.BlobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(settings.QueuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(settings.TablePort),
            },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var shell = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh to launch Azurite.");
        var output = await shell.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await shell.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return int.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var pid)
            ? pid
            : throw new InvalidOperationException($"Could not launch Azurite from {executable}: {output.Trim()}");
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<FileStream> LockAsync(AzuriteSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(settings.Directory, "azurite.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < StartDeadline)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string LogSince(AzuriteSettings settings, long offset)
    {
        try
        {
            using var log = new FileStream(settings.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            log.Seek(Math.Min(offset, log.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(log);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    internal static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
