using System.Diagnostics;
using System.Text;

namespace OmoiOs.Tests.Support;

/// <summary>
/// One real <c>omoi</c> command (<c>dotnet omoi.dll …</c> from the test binaries) with the given settings as its
/// environment (a null value removes the variable): run to its end, or started and waited for later.
/// </summary>
public sealed class OmoiCliProcess : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly string[] _arguments;
    private readonly PrintedLines _standardOutput = new();
    private readonly PrintedLines _standardError = new();

    private OmoiCliProcess(Process process, string[] arguments)
    {
        _process = process;
        _arguments = arguments;
    }

    /// <summary>What the command printed so far: standard output, then standard error.</summary>
    public string Output => _standardOutput.Text + _standardError.Text;

    /// <summary>The exit code and what the command printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments)
    {
        await using var command = Start(settings, workingDirectory, arguments);
        return await command.WaitAsync();
    }

    public static OmoiCliProcess Start(IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments)
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

        var process = new Process { StartInfo = start };
        var command = new OmoiCliProcess(process, arguments);
        process.OutputDataReceived += (_, line) => command._standardOutput.Add(line.Data);
        process.ErrorDataReceived += (_, line) => command._standardError.Add(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet could not be started.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return command;
    }

    /// <summary>Waits for the command to end (killing it after <paramref name="within"/>, two minutes by default); its exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync(TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? Deadline);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(_standardOutput.Ended, _standardError.Ended).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"omoi {string.Join(' ', _arguments)} did not end within {within ?? Deadline}: {Output}");
        }

        return (_process.ExitCode, Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>One stream's lines as they arrive; ended when the stream closes.</summary>
    private sealed class PrintedLines
    {
        private readonly StringBuilder _text = new();
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                _ended.TrySetResult();
                return;
            }

            lock (_text)
            {
                _text.Append(line).Append('\n');
            }
        }
    }
}
