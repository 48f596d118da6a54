using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Infrastructure.Workspaces;

/// <summary>
/// Gives a workspace a hard disk quota by mounting a size-limited tmpfs on its directory (writes beyond it fail with ENOSPC).
/// Mounting needs CAP_SYS_ADMIN; without it the directory stays plain and the local sandbox watches its size instead.
/// </summary>
internal sealed class WorkspaceVolume
{
    private readonly ILogger _logger;
    private volatile bool _mountUnavailable;

    public WorkspaceVolume(ILogger logger) => _logger = logger;

    /// <summary>Creates the directory and, when possible, mounts the quota on it; true when the quota is a mount.</summary>
    public async Task<bool> CreateAsync(string path, long quotaBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        if (_mountUnavailable)
        {
            return false;
        }

        var options = $"size={quotaBytes.ToString(CultureInfo.InvariantCulture)},mode=0755";
        var (exitCode, error) = await RunAsync("mount", ["-t", "tmpfs", "-o", options, "omoi-workspace", path], cancellationToken).ConfigureAwait(false);
        if (exitCode == 0)
        {
            return true;
        }

        _mountUnavailable = true;
        _logger.LogInformation("Cannot mount a size-limited tmpfs for workspaces ({Error}); the sandbox will watch workspace size instead.", error.Trim());
        return false;
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        if (IsMountPoint(path))
        {
            // Lazy: a process still holding a file open must not keep the mount (and its memory) alive.
            var (exitCode, error) = await RunAsync("umount", ["-l", path], cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                _logger.LogWarning("Could not unmount the workspace volume {Path}: {Error}", path, error.Trim());
            }
        }

        Directory.Delete(path, recursive: true);
    }

    private static bool IsMountPoint(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Any(fields => fields.Length > 4 && fields[4].Replace("\\040", " ", StringComparison.Ordinal) == full);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(startInfo)!;
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await error.ConfigureAwait(false));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }
}
