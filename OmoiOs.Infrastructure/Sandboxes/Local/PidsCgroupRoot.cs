using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>
/// A cgroup (v1 <c>pids</c> controller) under which each sandboxed command gets its own child group with <c>pids.max</c>.
/// RLIMIT_NPROC cannot contain a fork bomb when the host runs as root (the kernel exempts uid 0, and a user namespace
/// still maps the sandbox to host uid 0), so the pids controller is the mechanism when it is writable.
/// </summary>
internal sealed class PidsCgroupRoot
{
    private const string V1Mount = "/sys/fs/cgroup/pids";

    private readonly string _path;

    private PidsCgroupRoot(string path) => _path = path;

    /// <summary>The root under this process's own pids cgroup, or null when the controller is absent or not writable.</summary>
    public static PidsCgroupRoot? TryCreate(ILogger logger)
    {
        if (!File.Exists(Path.Combine(V1Mount, "cgroup.procs")))
        {
            return null;
        }

        var own = File.ReadLines("/proc/self/cgroup")
            .Select(line => line.Split(':', 3))
            .FirstOrDefault(parts => parts.Length == 3 && parts[1].Split(',').Contains("pids"))?[2] ?? "/";
        var path = Path.Combine(V1Mount + own, "omoi-sandboxes");
        try
        {
            Directory.CreateDirectory(path);
            return new PidsCgroupRoot(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogInformation("The pids cgroup at {Path} is not writable ({Reason}); falling back to RLIMIT_NPROC.", path, exception.Message);
            return null;
        }
    }

    public PidsCgroup Create(string name, int maxProcesses)
    {
        var path = Path.Combine(_path, name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "pids.max"), maxProcesses.ToString(CultureInfo.InvariantCulture));
        return new PidsCgroup(path);
    }
}
