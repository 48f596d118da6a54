using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OmoiOs.Tests.Support;

/// <summary>
/// The real <c>omoi serve</c> as a child process (<c>dotnet omoi.dll serve --port 0</c> from the test binaries) with
/// the given settings as its environment; <see cref="KillAsync"/> ends it the hard way (SIGKILL, with its sandboxes).
/// </summary>
public sealed partial class OmoiServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log;

    private OmoiServeProcess(Process process, StringBuilder log, Uri apiAddress)
    {
        _process = process;
        _log = log;
        Client = new HttpClient { BaseAddress = apiAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Output => Snapshot(_log);

    public static async Task<OmoiServeProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string workingDirectory)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "omoi.dll"), "serve", "--port", "0" },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var log = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Record(log, address, e.Data);
        process.ErrorDataReceived += (_, e) => Record(log, address, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartDeadline);
        var exited = process.WaitForExitAsync(deadline.Token);
        if (await Task.WhenAny(address.Task, exited) != address.Task)
        {
            var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"did not report its address within {StartDeadline}";
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw new InvalidOperationException($"omoi serve {why}: {Snapshot(log)}");
        }

        return new OmoiServeProcess(process, log, await address.Task);
    }

    /// <summary>SIGKILL to the server and everything it started: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static void Record(StringBuilder log, TaskCompletionSource<Uri> address, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Append(DateTimeOffset.UtcNow.ToString("HH:mm:ss.f ", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(line);
        }

        if (ServingLine().Match(line) is { Success: true } match)
        {
            address.TrySetResult(new Uri(match.Groups["api"].Value + "/"));
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    // The test host runs under the dotnet muxer; the child uses the same one.
    internal static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    [GeneratedRegex(@"serving (?<api>http://127\.0\.0\.1:\d+/api)")]
    private static partial Regex ServingLine();
}
