using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>
/// Sandboxes on this machine with bubblewrap. Refuses to run when bubblewrap is missing or cannot create its namespaces,
/// unless <c>OMOI_UNSAFE_NO_SANDBOX=true</c> explicitly asks for unisolated commands.
/// </summary>
public sealed class LocalSandboxProvider : ISandboxProvider
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private readonly SandboxOptions _options;
    private readonly ILogger<LocalSandboxProvider> _logger;
    private readonly Lazy<Task<LocalSandboxHost>> _host;

    public LocalSandboxProvider(IOptions<SandboxOptions> options, ILogger<LocalSandboxProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        _host = new Lazy<Task<LocalSandboxHost>>(ProbeAsync);
    }

    public string Name => SandboxOptions.Local;

    public async Task<ISandbox> CreateAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Directory.Exists(request.WorkspacePath))
        {
            throw new SandboxUnavailableException(Name, $"the workspace '{request.WorkspacePath}' does not exist.");
        }

        var host = await _host.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (host.Unsafe)
        {
            _logger.LogWarning(
                "UNSAFE: OMOI_UNSAFE_NO_SANDBOX=true; '{Name}' runs WITHOUT a sandbox, with this process's privileges, network and file access.",
                request.Name);
        }

        return new LocalSandbox(request, host, _options, _logger);
    }

    private async Task<LocalSandboxHost> ProbeAsync()
    {
        var root = _options.ResolvedWorkspaceRoot();
        var etc = Path.Combine(root, ".sandbox-etc");
        WriteEtcOverlay(etc);
        var cgroups = PidsCgroupRoot.TryCreate(_logger);
        var rlimit = cgroups is null && !RunsAsRoot() ? _options.MaxProcesses : (int?)null;
        if (cgroups is null && rlimit is null)
        {
            _logger.LogWarning("No process limit is available: running as root without a writable pids cgroup, so a fork bomb is only stopped by the timeout.");
        }

        var bubblewrap = ResolveExecutable(_options.BubblewrapPath);
        if (bubblewrap is null)
        {
            if (_options.UnsafeNoSandbox)
            {
                return new LocalSandboxHost { BubblewrapPath = null, EtcOverlayPath = etc, Cgroups = cgroups, ProcessRlimit = rlimit };
            }

            throw new SandboxUnavailableException(
                SandboxOptions.Local,
                $"bubblewrap ('{_options.BubblewrapPath}') was not found. Install it (Debian/Ubuntu: apt-get install bubblewrap) or set " +
                "OMOI_SANDBOX=daytona. OMOI_UNSAFE_NO_SANDBOX=true runs agents with no isolation at all.");
        }

        var host = new LocalSandboxHost { BubblewrapPath = bubblewrap, EtcOverlayPath = etc, Cgroups = cgroups, ProcessRlimit = rlimit };
        await ProbeBubblewrapAsync(host, root).ConfigureAwait(false);
        return host;
    }

    private async Task ProbeBubblewrapAsync(LocalSandboxHost host, string root)
    {
        var probeWorkspace = Directory.CreateTempSubdirectory("omoi-bwrap-probe-").FullName;
        try
        {
            var sandbox = new LocalSandbox(new SandboxRequest { Name = "probe", WorkspacePath = probeWorkspace }, host, _options, _logger);
            var result = await sandbox.RunAsync(new SandboxCommand("true", ProbeTimeout), CancellationToken.None).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new SandboxUnavailableException(
                    SandboxOptions.Local,
                    $"bubblewrap could not create a sandbox here (exit {result.ExitCode}): {result.Output.Trim()}. It needs unprivileged user " +
                    "namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 an AppArmor profile for bwrap).");
            }

            _logger.LogInformation("Local sandbox ready: {Bubblewrap}, workspaces under {Root}, process limit by {Mechanism}.",
                host.BubblewrapPath, root, host.Cgroups is not null ? "pids cgroup" : host.ProcessRlimit is not null ? "RLIMIT_NPROC" : "nothing");
        }
        finally
        {
            Directory.Delete(probeWorkspace, recursive: true);
        }
    }

    private static void WriteEtcOverlay(string directory)
    {
        Directory.CreateDirectory(directory);
        var uid = BubblewrapArguments.SandboxUid;
        File.WriteAllText(Path.Combine(directory, "passwd"),
            $"root:x:0:0:root:/root:/usr/sbin/nologin\nagent:x:{uid}:{uid}:OmoiOs agent:{BubblewrapArguments.SandboxHome}:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        File.WriteAllText(Path.Combine(directory, "group"), $"root:x:0:\nagent:x:{uid}:\nnogroup:x:65534:\n");
    }

    private static string? ResolveExecutable(string nameOrPath)
    {
        if (nameOrPath.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, nameOrPath))
            .FirstOrDefault(File.Exists);
    }

    private static bool RunsAsRoot() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal)) is { } line
        && line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [_, _, var effective, ..]
        && effective == "0";
}
