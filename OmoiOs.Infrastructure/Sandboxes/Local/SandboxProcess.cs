using System.Diagnostics;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>
/// Runs one launcher process (bubblewrap, or a bare shell in unsafe mode) with a wall-clock timeout that kills its whole
/// process tree, stdout and stderr captured into a <see cref="CappedOutput"/>, and an optional disk-quota watch.
/// </summary>
internal static class SandboxProcess
{
    private static readonly TimeSpan QuotaPollInterval = TimeSpan.FromMilliseconds(200);

    // After the launcher exits, a descendant that escaped the kill could hold the pipe open; stop reading then.
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    public sealed record Launch(
        IReadOnlyList<string> Arguments,
        IReadOnlyDictionary<string, string> Environment,
        string WorkingDirectory,
        TimeSpan Timeout,
        long OutputLimitBytes,
        PidsCgroup? Cgroup,
        Func<bool>? OverDiskQuota);

    public static async Task<SandboxCommandResult> RunAsync(Launch launch, CancellationToken cancellationToken)
    {
        var output = new CappedOutput(launch.OutputLimitBytes);
        var startInfo = new ProcessStartInfo(launch.Arguments[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = launch.WorkingDirectory,
        };
        foreach (var argument in launch.Arguments.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in launch.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {launch.Arguments[0]}.");
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput.BaseStream, output),
            PumpAsync(process.StandardError.BaseStream, output));

        using var timeout = new CancellationTokenSource(launch.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var quotaExceeded = false;
        var watch = launch.OverDiskQuota is null ? Task.CompletedTask : WatchQuotaAsync(launch.OverDiskQuota, () => quotaExceeded = true, stop);

        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process, launch.Cgroup);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await watch.ConfigureAwait(false);
        launch.Cgroup?.KillAll();
        await Task.WhenAny(pumps, Task.Delay(DrainGrace, CancellationToken.None)).ConfigureAwait(false);
        stopwatch.Stop();
        cancellationToken.ThrowIfCancellationRequested();

        return new SandboxCommandResult
        {
            ExitCode = process.ExitCode,
            Output = output.ToString(),
            TotalOutputBytes = output.TotalBytes,
            Truncated = output.Truncated,
            TimedOut = timeout.IsCancellationRequested && !quotaExceeded,
            ProcessLimitReached = launch.Cgroup?.LimitReached ?? false,
            DiskQuotaExceeded = quotaExceeded,
            Duration = stopwatch.Elapsed,
        };
    }

    private static void Kill(Process process, PidsCgroup? cgroup)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }

        cgroup?.KillAll();
    }

    private static async Task PumpAsync(Stream stream, CappedOutput output)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            output.Append(buffer.AsSpan(0, read));
        }
    }

    private static async Task WatchQuotaAsync(Func<bool> overQuota, Action exceeded, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(QuotaPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                if (overQuota())
                {
                    exceeded();
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The command ended first.
        }
    }
}
