using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Benchmarks.Support;
using OmoiOs.Infrastructure.LocalDev;
using OmoiOs.Tests.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// What a signal to Azurite costs (docs/reliability.md): rows written and acknowledged just before SIGTERM, SIGINT or
/// SIGKILL (and SIGKILL 6 s later, past Azurite's 5 s autosave), counted after a restart on the same data; and how long
/// Azurite takes to exit after each. Every case on an Azurite of its own (free ports, fresh data folder).
/// </summary>
public static class AzuriteFigure
{
    private const int Rows = 500;

    private static readonly (string Name, int Signal, TimeSpan After)[] Cases =
    [
        ("SIGTERM", PosixProcess.SigTerm, TimeSpan.Zero),
        ("SIGINT", PosixProcess.SigInt, TimeSpan.Zero),
        ("SIGKILL", PosixProcess.SigKill, TimeSpan.Zero),
        ("SIGKILL", PosixProcess.SigKill, TimeSpan.FromSeconds(6)),
    ];

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(Invariant.Format($"azurite: {Rows} rows written (100-row transactions), then a signal; rows readable after a restart on the same data")).ConfigureAwait(false);
        foreach (var (name, signal, after) in Cases)
        {
            var (exit, readable) = await RunCaseAsync(signal, after, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant.Format(
                $"  {name,-7} {(after == TimeSpan.Zero ? "right after the writes" : $"{after.TotalSeconds:0} s after the writes"),-24} exited in {exit.TotalSeconds:0.00} s; {readable}/{Rows} rows readable after a restart")).ConfigureAwait(false);
        }
    }

    private static async Task<(TimeSpan Exit, int Readable)> RunCaseAsync(int signal, TimeSpan after, CancellationToken cancellationToken)
    {
        var launcher = new AzuriteLauncher(NullLogger<AzuriteLauncher>.Instance);
        var ports = FreePorts.Take(3);
        var settings = new AzuriteSettings(Path.Combine(Path.GetTempPath(), "omoi-azurite-figure-" + Guid.NewGuid().ToString("N")[..12]))
        {
            BlobPort = ports[0],
            QueuePort = ports[1],
            TablePort = ports[2],
        };
        try
        {
            var pid = (await launcher.EnsureRunningAsync(settings, RepositoryRoot.Find(), cancellationToken).ConfigureAwait(false)).Pid!.Value;
            var table = new TableClient(settings.ConnectionString, "Durability");
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var batch in Enumerable.Range(0, Rows).Chunk(100))
            {
                await table.SubmitTransactionAsync(batch.Select(n => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))), cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(after, cancellationToken).ConfigureAwait(false);
            var exit = Stopwatch.StartNew();
            PosixProcess.Signal(pid, signal);
            await AzuriteLauncher.WaitForExitAsync(settings, pid, cancellationToken).ConfigureAwait(false);

            exit.Stop();
            await launcher.EnsureRunningAsync(settings, RepositoryRoot.Find(), cancellationToken).ConfigureAwait(false);
            var readable = 0;
            try
            {
                await foreach (var _ in new TableClient(settings.ConnectionString, "Durability").QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    readable++;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // The table itself was lost.
            }

            return (exit.Elapsed, readable);
        }
        finally
        {
            await launcher.StopAsync(settings, TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
            Directory.Delete(settings.Directory, recursive: true);
        }
    }
}
