using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Sandboxes.Daytona;

/// <summary>
/// Remote sandboxes on Daytona: create from a snapshot, wait (polling with backoff) until started, upload the workspace as a
/// tarball and unpack it, open a session for commands. Anything that goes wrong after the create deletes the sandbox again.
/// </summary>
public sealed class DaytonaSandboxProvider : ISandboxProvider
{
    internal const string SessionId = "omoi";
    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromMinutes(2);

    private readonly DaytonaClient _client;
    private readonly DaytonaOptions _options;
    private readonly SandboxOptions _sandboxOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<DaytonaSandboxProvider> _logger;

    public DaytonaSandboxProvider(
        DaytonaClient client,
        IOptions<DaytonaOptions> options,
        IOptions<SandboxOptions> sandboxOptions,
        TimeProvider time,
        ILogger<DaytonaSandboxProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandboxOptions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options.Value;
        _sandboxOptions = sandboxOptions.Value;
        _time = time;
        _logger = logger;
    }

    public string Name => SandboxOptions.Daytona;

    public async Task<ISandbox> CreateAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new DaytonaCreateSandbox(
            NullIfEmpty(_options.Snapshot),
            null,
            request.Environment,
            new Dictionary<string, string> { ["omoi"] = request.Name },
            NullIfEmpty(_options.Target),
            _options.AutoStopMinutes,
            NetworkBlockAll: !request.AllowNetwork);
        // Not cancelled midway: a create whose answer is never read leaves a sandbox nobody knows the id of to delete.
        using var createTimeout = new CancellationTokenSource(CreateTimeout);
        var created = await _client.CreateSandboxAsync(body, createTimeout.Token).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = await WaitUntilStartedAsync(created, cancellationToken).ConfigureAwait(false);
            var toolbox = new Uri($"{started.ToolboxProxyUrl!.TrimEnd('/')}/{Uri.EscapeDataString(started.Id)}/");
            await UploadWorkspaceAsync(toolbox, request.WorkspacePath, cancellationToken).ConfigureAwait(false);
            await _client.CreateSessionAsync(toolbox, SessionId, cancellationToken).ConfigureAwait(false);
            return new DaytonaSandbox(created.Id, toolbox, _client, _options, _sandboxOptions.OutputLimitBytes, _time, this);
        }
        catch (Exception)
        {
            await DeleteAsync(created.Id).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Deletes a sandbox whatever the caller's cancellation says; failures are logged (auto-stop is the backstop).</summary>
    internal async Task DeleteAsync(string id)
    {
        using var timeout = new CancellationTokenSource(DeleteTimeout);
        try
        {
            await _client.DeleteSandboxAsync(id, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SandboxUnavailableException or HttpRequestException or OperationCanceledException)
        {
            _logger.LogError(exception, "Could not delete Daytona sandbox {SandboxId}; it auto-stops after {Minutes} minutes idle.", id, _options.AutoStopMinutes);
        }
    }

    private async Task<DaytonaSandboxDto> WaitUntilStartedAsync(DaytonaSandboxDto sandbox, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.StartTimeout;
        var delay = _options.PollInterval;
        while (true)
        {
            switch (sandbox.State)
            {
                case "started" when !string.IsNullOrEmpty(sandbox.ToolboxProxyUrl):
                    return sandbox;
                case "started":
                    throw new SandboxUnavailableException(Name, $"sandbox {sandbox.Id} started without a toolboxProxyUrl.");
                case "error" or "build_failed" or "destroyed" or "destroying" or "archived":
                    throw new SandboxUnavailableException(Name, $"sandbox {sandbox.Id} entered state '{sandbox.State}'{(sandbox.ErrorReason is null ? "" : $": {sandbox.ErrorReason}")}.");
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new SandboxUnavailableException(Name, $"sandbox {sandbox.Id} did not start within {_options.StartTimeout} (last state '{sandbox.State}').");
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollInterval.Ticks));
            sandbox = await _client.GetSandboxAsync(sandbox.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UploadWorkspaceAsync(Uri toolbox, string workspacePath, CancellationToken cancellationToken)
    {
        var archive = Path.Combine(Path.GetTempPath(), $"omoi-upload-{Guid.NewGuid():N}.tar.gz");
        try
        {
            var file = File.Create(archive);
            await using (file.ConfigureAwait(false))
            {
                var gzip = new GZipStream(file, CompressionLevel.Fastest);
                await using (gzip.ConfigureAwait(false))
                {
                    await WriteTarAsync(workspacePath, gzip, cancellationToken).ConfigureAwait(false);
                }
            }

            var upload = File.OpenRead(archive);
            await using (upload.ConfigureAwait(false))
            {
                await _client.UploadFileAsync(toolbox, UploadPath, upload, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            File.Delete(archive);
        }

        var target = ShellQuoteOf(_options.WorkspacePath);
        var uploaded = ShellQuoteOf(UploadPath);
        var unpack = await _client.ExecuteAsync(
            toolbox,
            new DaytonaExecute($"sh -c {ShellQuoteOf($"mkdir -p {target} && tar -xzf {uploaded} -C {target} && rm -f {uploaded}")}", null, 300),
            cancellationToken).ConfigureAwait(false);
        if (unpack.ExitCode != 0)
        {
            throw new SandboxUnavailableException(Name, $"unpacking the workspace failed (exit {unpack.ExitCode}): {unpack.Result}");
        }
    }

    // TarFile.CreateFromDirectory skips entries the enumerator counts as hidden, which on Unix means .git; list them all.
    private static async Task WriteTarAsync(string directory, Stream destination, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var everything = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", everything))
            {
                var name = Path.GetRelativePath(directory, entry.FullName);
                await writer.WriteEntryAsync(entry.FullName, entry is DirectoryInfo && entry.LinkTarget is null ? name + "/" : name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string UploadPath => _options.WorkspacePath.TrimEnd('/') + ".upload.tar.gz";

    private static string ShellQuoteOf(string value) => ShellQuote.Quote(value);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
