using System.Diagnostics;

namespace OmoiOs.Tests.Support;

/// <summary>
/// The bundled sample-app (OmoiOs.Tests/Samples/sample-app) as a real repository: a fresh copy in a temporary
/// folder, optionally with git initialised on branch main and everything committed. Delete it with <see cref="Delete"/>.
/// </summary>
public static class SampleRepository
{
    public const string Branch = "main";

    public static string SourcePath => Path.Combine(AppContext.BaseDirectory, "Samples", "sample-app");

    /// <summary><c>OMOI_REPOSITORY_ROOTS</c> admitting every copy made here and the bundled source.</summary>
    public static string Roots => $"{Path.GetTempPath()},{AppContext.BaseDirectory}";

    public static async Task<string> CreateAsync(bool initializeGit = true, CancellationToken cancellationToken = default)
    {
        var target = Path.Combine(Path.GetTempPath(), "omoi-sample-" + Guid.NewGuid().ToString("N"));
        Copy(new DirectoryInfo(SourcePath), target);
        if (initializeGit)
        {
            await GitAsync(target, cancellationToken, "init", "-q", "-b", Branch).ConfigureAwait(false);
            await GitAsync(target, cancellationToken, "add", "-A").ConfigureAwait(false);
            await GitAsync(target, cancellationToken, "commit", "-q", "-m", "sample-app").ConfigureAwait(false);
        }

        return target;
    }

    /// <summary>Runs git in the repository with a fixed identity and no signing; throws with git's output when it fails.</summary>
    public static async Task<string> GitAsync(string repository, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "user.name=OmoiOs Tests", "-c", "user.email=tests@omoios.invalid", "-c", "commit.gpgsign=false", "-C", repository, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles())
        {
            var copy = file.CopyTo(Path.Combine(target, file.Name));
            if (file.Extension == ".sh" && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copy.FullName, copy.UnixFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        foreach (var directory in source.EnumerateDirectories().Where(d => d.Name != "__pycache__"))
        {
            Copy(directory, Path.Combine(target, directory.Name));
        }
    }
}
