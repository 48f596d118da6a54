using System.Diagnostics;
using OmoiOs.Benchmarks.Support;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Memory (issues 4 and 9): peak resident set of a fresh process that hosts the services and a task hub worker and
/// orchestrates a spec of 10,000 tasks (300 requirements; planning outputs seeded and SYNCed, then EXECUTE with
/// the no-op agent) against Table storage. The run happens in a child process so that nothing else this harness
/// did counts; the child reports the kernel's high-water mark (VmHWM). Target (issue 9): &lt; 600 MB.
/// </summary>
public static class MemoryFigure
{
    /// <summary>The hidden figure name the child process runs.</summary>
    public const string ChildName = "memory-child";

    public const double TargetMegabytes = 600;

    private const int Tasks = 10_000;
    private const int Requirements = 300;
    private const string PeakPrefix = "peak-rss-bytes ";

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(Invariant.Format($"memory: a child process orchestrates {Tasks} tasks ({Requirements} requirements) on the Durable Task Framework on Azurite, no-op agent, {EngineFigure.Parallelism} in flight; {LoadAverage.Describe()}")).ConfigureAwait(false);
        var start = ChildStart();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        await using var cancelling = cancellationToken.Register(() => child.Kill(entireProcessTree: true)).ConfigureAwait(false);
        var errors = child.StandardError.ReadToEndAsync(cancellationToken);
        long? peak = null;
        while (await child.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(PeakPrefix, StringComparison.Ordinal))
            {
                peak = long.Parse(line[PeakPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                await output.WriteLineAsync("  " + line).ConfigureAwait(false);
            }
        }

        await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (child.ExitCode != 0 || peak is null)
        {
            throw new InvalidOperationException($"The memory child failed (exit {child.ExitCode}): {await errors.ConfigureAwait(false)}");
        }

        var megabytes = peak.Value / 1024.0 / 1024.0;
        await output.WriteLineAsync(Invariant.Format(
            $"peak RSS {megabytes:F0} MB (target < {TargetMegabytes:F0}: {(megabytes < TargetMegabytes ? "met" : "MISSED")})")).ConfigureAwait(false);
    }

    /// <summary>The child's side: run the spec, then report the peak.</summary>
    public static async Task RunChildAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using (var figure = FigureServices.Create(EngineFigure.Parallelism))
        {
            var plan = SyntheticPlan.Create(Requirements, Tasks);
            var prepared = Stopwatch.StartNew();
            var spec = await EngineRun.PrepareAsync(figure, plan, EngineFigure.Parallelism, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant.Format($"seeded and SYNCed in {prepared.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
            var run = await EngineRun.ExecuteAsync(figure, spec, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant.Format(
                $"whole run {run.Total.TotalSeconds:F1} s, EXECUTE {run.Execute.TotalSeconds:F1} s ({run.MsPerTask:F2} ms/task), every task completed; managed heap after: {GC.GetTotalMemory(forceFullCollection: false) / 1024 / 1024} MB")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Invariant.Format($"{PeakPrefix}{PeakResidentBytes()}")).ConfigureAwait(false);
    }

    private static long PeakResidentBytes()
    {
        // VmHWM is the kernel's resident high-water mark; elsewhere the runtime's peak working set says the same.
        const string status = "/proc/self/status";
        if (File.Exists(status) && File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line)
        {
            return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static ProcessStartInfo ChildStart()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot tell its own executable.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(MemoryFigure).Assembly.Location);
        }

        start.ArgumentList.Add(ChildName);
        return start;
    }
}
