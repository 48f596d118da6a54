using Microsoft.Extensions.Logging;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>
/// One task's local sandbox. Each command is its own bubblewrap invocation over the same host workspace, so nothing but
/// the workspace survives between commands; disposing leaves the workspace to its owner.
/// </summary>
internal sealed class LocalSandbox : ISandbox
{
    private const long FullDiskSlackBytes = 64 * 1024;

    // Under the test suite's load, bubblewrap was seen SIGKILLed by something outside OmoiOs (exit 137, no output, no
    // limit hit) or refused a fork for its namespaces with EAGAIN, mostly within milliseconds of starting; the cause
    // was not found. Such a run is run again, at most twice.
    private const int SpuriousKillRetries = 2;
    private const int SigKillExitCode = 137;

    // With a pids cgroup the launcher joins it ("$1") before exec'ing bubblewrap, so no descendant escapes the count.
    private const string JoinCgroupAndExec = "echo $$ > \"$1\" && shift && exec \"$@\" 2>&1 </dev/null";
    private const string Exec = "exec \"$@\" 2>&1 </dev/null";

    private readonly SandboxRequest _request;
    private readonly LocalSandboxHost _host;
    private readonly SandboxOptions _options;
    private readonly bool _quotaIsFilesystem;
    private readonly ILogger _logger;

    public LocalSandbox(SandboxRequest request, LocalSandboxHost host, SandboxOptions options, ILogger logger)
    {
        _request = request;
        _host = host;
        _options = options;
        _logger = logger;
        Id = $"local-{request.Name}";
        _quotaIsFilesystem = WorkspaceIsQuotaVolume(request.WorkspacePath, options.DiskQuotaBytes);
    }

    public string Id { get; }

    public string WorkspacePath => _host.Unsafe ? _request.WorkspacePath : BubblewrapArguments.SandboxWorkspace;

    public async Task<SandboxCommandResult> RunAsync(SandboxCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var environment = BubblewrapArguments.BaseEnvironment();
        if (_host.Unsafe)
        {
            environment["HOME"] = Path.GetTempPath();
        }

        if (_options.SandboxPathList() is { Count: > 0 } toolchains)
        {
            environment["PATH"] = string.Join(':', toolchains.Append(environment["PATH"]));
        }

        foreach (var (name, value) in _request.Environment.Concat(command.Environment))
        {
            environment[name] = value;
        }

        var result = await RunOnceAsync(command, environment, cancellationToken).ConfigureAwait(false);
        for (var retry = 1; retry <= SpuriousKillRetries && IsSpuriousKill(result); retry++)
        {
            _logger.LogWarning("Sandbox {Sandbox} could not start or was SIGKILLed from outside after {Duration}; running the command again ({Retry} of {Retries}).", _request.Name, result.Duration, retry, SpuriousKillRetries);
            result = await RunOnceAsync(command, environment, cancellationToken).ConfigureAwait(false);
        }

        return _quotaIsFilesystem && new DriveInfo(_request.WorkspacePath).AvailableFreeSpace < FullDiskSlackBytes
            ? result with { DiskQuotaExceeded = true }
            : result;
    }

    /// <summary>One launch in a pids cgroup of its own (a used group is left unable to fork).</summary>
    private async Task<SandboxCommandResult> RunOnceAsync(SandboxCommand command, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var cgroup = _host.Cgroups?.Create($"{_request.Name}-{Guid.NewGuid():N}", _options.MaxProcesses);
        var inner = _host.Unsafe
            ? (IReadOnlyList<string>)["/bin/sh", "-c", command.Script]
            : BubblewrapArguments.Build(Settings(environment, command.AllowNetwork), command.Script);
        var launcher = cgroup is null
            ? new List<string> { "/bin/sh", "-c", Exec, "omoi-launch" }
            : ["/bin/sh", "-c", JoinCgroupAndExec, "omoi-launch", cgroup.ProcsFile];
        launcher.AddRange(inner);

        var launch = new SandboxProcess.Launch(
            launcher,
            _host.Unsafe ? environment : new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            _request.WorkspacePath,
            command.Timeout,
            _options.OutputLimitBytes,
            cgroup,
            _quotaIsFilesystem ? null : () => DirectorySize(_request.WorkspacePath) > _options.DiskQuotaBytes);
        return await SandboxProcess.RunAsync(launch, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsSpuriousKill(SandboxCommandResult result) =>
        result is { ExitCode: SigKillExitCode, TimedOut: false, ProcessLimitReached: false, DiskQuotaExceeded: false, TotalOutputBytes: 0 }
        || (result.ExitCode == 1 && result.Output.StartsWith("bwrap: ", StringComparison.Ordinal) && result.Output.Contains("Resource temporarily unavailable", StringComparison.Ordinal));

    public async Task WriteFileAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = WorkspaceFile(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> ReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var path = WorkspaceFile(relativePath);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private BubblewrapArguments.Settings Settings(IReadOnlyDictionary<string, string> environment, bool commandNetwork) => new()
    {
        BubblewrapPath = _host.BubblewrapPath!,
        WorkspacePath = _request.WorkspacePath,
        EtcOverlayPath = _host.EtcOverlayPath,
        AllowNetwork = _request.AllowNetwork || commandNetwork,
        TmpBytes = _options.TmpBytes,
        ExtraReadOnlyPaths = _options.ReadOnlyPathList(),
        Environment = environment,
        ProcessRlimit = _host.ProcessRlimit,
    };

    // The agent controls the workspace: refuse any path that leaves it or passes through a symbolic link.
    private string WorkspaceFile(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var root = Path.GetFullPath(_request.WorkspacePath);
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ValidationFailedException("path", $"'{relativePath}' is outside the workspace.");
        }

        for (var current = path; current.Length > root.Length; current = Path.GetDirectoryName(current)!)
        {
            if (new FileInfo(current).LinkTarget is not null)
            {
                throw new ValidationFailedException("path", $"'{relativePath}' in the workspace passes through a symbolic link; refusing to follow it.");
            }
        }

        return path;
    }

    private static bool WorkspaceIsQuotaVolume(string path, long quotaBytes)
    {
        var drive = new DriveInfo(path);
        return drive.DriveFormat == "tmpfs" && drive.TotalSize <= quotaBytes + (1024 * 1024);
    }

    private static long DirectorySize(string path) =>
        new DirectoryInfo(path)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Sum(file => file.Length);
}
