using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Infrastructure.LocalDev;

/// <summary>
/// Starts the npm-pinned Azurite on 127.0.0.1 when the configured storage is the development emulator and
/// nothing listens on its table port yet; stops it again when disposed if it started it.
/// </summary>
public sealed class AzuriteLauncher(ILogger<AzuriteLauncher> logger) : IAsyncDisposable
{
    public const int TablePort = 10002;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);
    private Process? _process;

    /// <summary>Makes sure a table endpoint answers; <paramref name="dataDirectory"/> holds Azurite's files.</summary>
    /// <returns>True when this call started Azurite.</returns>
    public async Task<bool> EnsureRunningAsync(string searchFrom, string dataDirectory, CancellationToken cancellationToken)
    {
        if (await IsListeningAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var executable = FindAzurite(searchFrom)
            ?? throw new InvalidOperationException("Azurite is not running on 127.0.0.1:10002 and no node_modules/.bin/azurite was found: run `npm ci` in the OmoiOs checkout, or start Azurite yourself.");
        Directory.CreateDirectory(dataDirectory);
        logger.LogInformation("Starting Azurite from {Executable} with data in {DataDirectory}", executable, dataDirectory);
        _process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--silent", "--skipApiVersionCheck", "--location", dataDirectory, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {executable}.");

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (_process.HasExited)
            {
                var error = await _process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {error.Trim()}");
            }

            if (await IsListeningAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{TablePort} within {StartDeadline.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process?.Dispose();
    }

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

        return null;
    }

    private static async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", TablePort, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
