using System.Diagnostics;

namespace OmoiOs.Tests.Support;

/// <summary>
/// One real <c>omoi</c> command (<c>dotnet omoi.dll …</c> from the test binaries) run to its end with the given settings
/// as its environment (a null value removes the variable).
/// </summary>
public static class OmoiCliProcess
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>The exit code and what the command printed (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(OmoiServeProcess.DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "omoi.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"omoi {string.Join(' ', arguments)} did not end within {Deadline}: {await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
