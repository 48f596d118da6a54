using System.Diagnostics;
using OmoiOs.Infrastructure.LocalDev;
using OmoiOs.Tests.Support;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// An Azurite of a figure's own that keeps everything in memory (<c>--inMemoryPersistence</c>), on free ports, killed
/// on dispose. For figures whose subject is not storage: a persisting Azurite rewrites its whole database every few
/// seconds, which past a few hundred thousand rows takes a core and slows the run it serves.
/// </summary>
public sealed class InMemoryAzurite : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private InMemoryAzurite(Process process, AzuriteSettings settings)
    {
        _process = process;
        Settings = settings;
    }

    public AzuriteSettings Settings { get; }

    public static async Task<InMemoryAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var executable = AzuriteLauncher.FindAzurite(RepositoryRoot.Find())
            ?? throw new InvalidOperationException("Azurite is not installed: run `npm ci` in the repository.");
        var ports = FreePorts.Take(3);
        var settings = new AzuriteSettings(Path.GetTempPath()) { BlobPort = ports[0], QueuePort = ports[1], TablePort = ports[2] };
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--blobPort", Port(settings.BlobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(settings.QueuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(settings.TablePort),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new InMemoryAzurite(process, settings);
        var waited = Stopwatch.StartNew();
        while (!await AzuriteLauncher.IsListeningAsync(settings.TablePort, cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || waited.Elapsed > StartDeadline)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"Azurite did not start listening on port {settings.TablePort} within {StartDeadline.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
