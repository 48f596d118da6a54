using System.Diagnostics;
using System.Globalization;

namespace OmoiOs.Infrastructure.Sandboxes.Local;

/// <summary>One command's pids cgroup: the launcher joins it before exec'ing bubblewrap, so every descendant is counted and killable.</summary>
internal sealed class PidsCgroup : IDisposable
{
    private readonly string _path;

    public PidsCgroup(string path) => _path = path;

    /// <summary>The file a process writes its pid to in order to join.</summary>
    public string ProcsFile => Path.Combine(_path, "cgroup.procs");

    /// <summary>Whether a fork was refused because the group was at <c>pids.max</c>.</summary>
    public bool LimitReached
    {
        get
        {
            var events = Path.Combine(_path, "pids.events");
            return File.Exists(events) && File.ReadLines(events)
                .Select(line => line.Split(' ', 2))
                .Any(parts => parts.Length == 2 && parts[0] == "max" && long.Parse(parts[1], CultureInfo.InvariantCulture) > 0);
        }
    }

    public void KillAll()
    {
        // Stop all forking first, and kill only what is still a member: a fork bomb frees pids by the thousand, and a
        // freed pid may already belong to an unrelated process (another sandbox's bubblewrap, say) when we get to it.
        TryWrite("pids.max", "0");
        foreach (var pid in Members().Where(IsMember))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between listing and killing.
            }
        }
    }

    public void Dispose()
    {
        // The kernel refuses to remove a group until its last member is reaped, which follows the kill within milliseconds.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            KillAll();
            try
            {
                Directory.Delete(_path);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
        }
    }

    private bool IsMember(int pid)
    {
        try
        {
            var suffix = "/" + Path.GetFileName(_path);
            return File.ReadLines($"/proc/{pid}/cgroup").Any(line => line.Contains(":pids:", StringComparison.Ordinal) && line.EndsWith(suffix, StringComparison.Ordinal));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void TryWrite(string file, string value)
    {
        try
        {
            File.WriteAllText(Path.Combine(_path, file), value);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The group is gone already.
        }
    }

    private List<int> Members() =>
        File.Exists(ProcsFile)
            ? File.ReadLines(ProcsFile).Where(line => line.Length > 0).Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToList()
            : [];
}
