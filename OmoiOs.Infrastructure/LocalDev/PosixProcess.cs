using System.Runtime.InteropServices;

namespace OmoiOs.Infrastructure.LocalDev;

/// <summary>Signals to a process that is not this one's child (.NET can only SIGKILL, and only through a Process).</summary>
internal static class PosixProcess
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>
    /// Whether <paramref name="pid"/> runs. A zombie counts as gone: a detached process is reaped by init, which may take
    /// a second or more after the process has exited.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            // "pid (comm) state ...": comm may hold spaces and parentheses, so the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..] is not ['Z' or 'X', ..];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <returns>False when the process is already gone.</returns>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>The process's command line (arguments joined by spaces), or null when it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling code, and LibraryImport would need unsafe code on.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
