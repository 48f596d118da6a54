using System.Diagnostics;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Sandboxes.Daytona;

/// <summary>
/// A started Daytona sandbox holding the task's workspace. Commands run in a session with asynchronous exec, polled with
/// backoff until they exit or their timeout passes (then the session, and so its processes, is deleted). Disposing deletes
/// the sandbox, always.
/// </summary>
internal sealed class DaytonaSandbox : ISandbox
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FileCommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Uri _toolbox;
    private readonly DaytonaClient _client;
    private readonly DaytonaOptions _options;
    private readonly long _outputLimitBytes;
    private readonly TimeProvider _time;
    private readonly DaytonaSandboxProvider _provider;
    private string _session = DaytonaSandboxProvider.SessionId;
    private int _sessions;
    private int _disposed;

    public DaytonaSandbox(string id, Uri toolbox, DaytonaClient client, DaytonaOptions options, long outputLimitBytes, TimeProvider time, DaytonaSandboxProvider provider)
    {
        Id = id;
        _toolbox = toolbox;
        _client = client;
        _options = options;
        _outputLimitBytes = outputLimitBytes;
        _time = time;
        _provider = provider;
    }

    public string Id { get; }

    public string WorkspacePath => _options.WorkspacePath;

    public async Task<SandboxCommandResult> RunAsync(SandboxCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var script = $"cd {ShellQuote.Quote(WorkspacePath)} || exit 1\n{ShellQuote.Exports(command.Environment)}\n{command.Script}";
        var clock = Stopwatch.StartNew();
        var started = await _client.SessionExecAsync(_toolbox, _session, $"sh -c {ShellQuote.Quote(script)} 2>&1 </dev/null", cancellationToken).ConfigureAwait(false);
        var deadline = _time.GetUtcNow() + command.Timeout;
        var delay = FirstPoll;
        int? exitCode = null;
        while (exitCode is null && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPoll.Ticks));
            exitCode = (await _client.GetCommandAsync(_toolbox, _session, started.CmdId, cancellationToken).ConfigureAwait(false)).ExitCode;
        }

        var output = new CappedOutput(_outputLimitBytes);
        await _client.ReadCommandLogsAsync(_toolbox, _session, started.CmdId, output, cancellationToken).ConfigureAwait(false);
        var timedOut = exitCode is null;
        if (timedOut)
        {
            await ReplaceSessionAsync(cancellationToken).ConfigureAwait(false);
        }

        return new SandboxCommandResult
        {
            ExitCode = exitCode ?? 137,
            Output = output.ToString(),
            TotalOutputBytes = output.TotalBytes,
            Truncated = output.Truncated,
            TimedOut = timedOut,
            Duration = clock.Elapsed,
        };
    }

    public async Task WriteFileAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = RemotePath(relativePath);
        var mkdir = await _client.ExecuteAsync(
            _toolbox,
            new DaytonaExecute($"mkdir -p {ShellQuote.Quote(path[..path.LastIndexOf('/')])}", null, (int)FileCommandTimeout.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        if (mkdir.ExitCode != 0)
        {
            throw new SandboxUnavailableException(SandboxOptions.Daytona, $"could not create the directory of {path}: {mkdir.Result}");
        }

        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await _client.UploadFileAsync(_toolbox, path, stream, cancellationToken).ConfigureAwait(false);
    }

    public Task<byte[]?> ReadFileAsync(string relativePath, CancellationToken cancellationToken) =>
        _client.DownloadFileAsync(_toolbox, RemotePath(relativePath), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _provider.DeleteAsync(Id).ConfigureAwait(false);
        }
    }

    // Deleting a session kills what runs in it; the next command gets a fresh one.
    private async Task ReplaceSessionAsync(CancellationToken cancellationToken)
    {
        await _client.DeleteSessionAsync(_toolbox, _session, cancellationToken).ConfigureAwait(false);
        _session = $"{DaytonaSandboxProvider.SessionId}-{++_sessions}";
        await _client.CreateSessionAsync(_toolbox, _session, cancellationToken).ConfigureAwait(false);
    }

    private string RemotePath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        if (relativePath.StartsWith('/') || relativePath.Split('/').Contains(".."))
        {
            throw new ValidationFailedException("path", $"'{relativePath}' is outside the workspace.");
        }

        return $"{WorkspacePath.TrimEnd('/')}/{relativePath}";
    }
}
