using System.Globalization;

namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>
/// The bubblewrap command line of one sandboxed command. Each flag and why is listed in docs/sandboxes.md; in short:
/// the system read-only, only the workspace writable, a private size-limited /tmp, no network, new user/pid/ipc/uts/cgroup
/// namespaces with every capability dropped, no nested user namespaces, and an environment built from scratch.
/// </summary>
internal static class BubblewrapArguments
{
    public const string SandboxWorkspace = "/workspace";
    public const string SandboxHome = "/tmp/home";
    public const int SandboxUid = 1000;

    private static readonly string[] SystemDirectories = ["bin", "sbin", "lib", "lib32", "lib64", "libx32"];

    // Enough of /etc for the dynamic linker, tools that consult alternatives, TLS and time zones; nothing with secrets.
    private static readonly string[] EtcEssentials =
    [
        "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
        "/etc/nsswitch.conf", "/etc/ssl", "/etc/ca-certificates", "/etc/os-release", "/etc/mime.types",
    ];

    private static readonly string[] EtcNetwork = ["/etc/resolv.conf", "/etc/hosts", "/etc/host.conf", "/etc/gai.conf"];

    public sealed record Settings
    {
        public required string BubblewrapPath { get; init; }

        public required string WorkspacePath { get; init; }

        /// <summary>Host directory holding the sandbox's own passwd and group files.</summary>
        public required string EtcOverlayPath { get; init; }

        public bool AllowNetwork { get; init; }

        public long TmpBytes { get; init; }

        public IReadOnlyList<string> ExtraReadOnlyPaths { get; init; } = [];

        public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

        /// <summary>When no pids cgroup is available, RLIMIT_NPROC is set inside the sandbox instead.</summary>
        public int? ProcessRlimit { get; init; }
    }

    public static IReadOnlyList<string> Build(Settings settings, string script)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        var args = new List<string> { settings.BubblewrapPath };
        args.AddRange(["--unshare-user", "--disable-userns", "--uid", Text(SandboxUid), "--gid", Text(SandboxUid), "--cap-drop", "ALL"]);
        args.AddRange(["--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--hostname", "omoi-sandbox"]);
        if (!settings.AllowNetwork)
        {
            args.Add("--unshare-net");
        }

        args.AddRange(["--die-with-parent", "--new-session"]);
        args.AddRange(["--ro-bind", "/usr", "/usr"]);
        foreach (var directory in SystemDirectories)
        {
            var host = "/" + directory;
            var info = new DirectoryInfo(host);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, host]);
            }
            else if (info.Exists)
            {
                args.AddRange(["--ro-bind", host, host]);
            }
        }

        foreach (var path in settings.AllowNetwork ? EtcEssentials.Concat(EtcNetwork) : EtcEssentials)
        {
            args.AddRange(["--ro-bind-try", path, path]);
        }

        args.AddRange(["--ro-bind", Path.Combine(settings.EtcOverlayPath, "passwd"), "/etc/passwd"]);
        args.AddRange(["--ro-bind", Path.Combine(settings.EtcOverlayPath, "group"), "/etc/group"]);
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        args.AddRange(["--size", Text(settings.TmpBytes), "--tmpfs", "/tmp", "--dir", SandboxHome]);

        // After the private /tmp, so that a toolchain kept under the host's /tmp is not hidden by it.
        foreach (var path in settings.ExtraReadOnlyPaths)
        {
            args.AddRange(["--ro-bind-try", path, path]);
        }

        args.AddRange(["--bind", settings.WorkspacePath, SandboxWorkspace, "--chdir", SandboxWorkspace]);

        // bubblewrap builds the root on a scratch tmpfs; once every mount point exists, make it read-only too.
        args.AddRange(["--remount-ro", "/"]);
        args.Add("--clearenv");
        foreach (var (name, value) in settings.Environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        if (settings.ProcessRlimit is { } limit)
        {
            args.AddRange(["/usr/bin/prlimit", $"--nproc={Text(limit)}", "--"]);
        }

        args.AddRange(["/bin/sh", "-c", script]);
        return args;
    }

    /// <summary>The variables every sandboxed command starts from, before the task's own.</summary>
    public static Dictionary<string, string> BaseEnvironment() => new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["HOME"] = SandboxHome,
        ["USER"] = "agent",
        ["LOGNAME"] = "agent",
        ["LANG"] = "C.UTF-8",
        ["TMPDIR"] = "/tmp",
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
