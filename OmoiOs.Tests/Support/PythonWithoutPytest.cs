using System.Diagnostics;
using OmoiOs.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Support;

/// <summary>
/// A python3 the sandbox runs that has no pytest: a virtual environment of the system python3 made without its site
/// packages (where Debian's python3-pytest lives), mounted with OMOI_SANDBOX_READONLY_PATHS with its bin/ first on the
/// sandbox's PATH (OMOI_SANDBOX_PATH). Made in a temporary folder, deleted on dispose.
/// </summary>
public sealed class PythonWithoutPytest : IDisposable
{
    private PythonWithoutPytest(string root) => Root = root;

    /// <summary>The virtual environment's folder.</summary>
    public string Root { get; }

    public string Bin => Path.Combine(Root, "bin");

    /// <summary>The settings that put this python3 first in the sandbox.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OMOI_SANDBOX_READONLY_PATHS"] = Root,
        ["OMOI_SANDBOX_PATH"] = Bin,
    };

    public static PythonWithoutPytest Create()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("omoi-python-").FullName, "venv");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-m", "venv", "--without-pip", root])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 -m venv failed ({process.ExitCode}): {output}");
        }

        return new PythonWithoutPytest(root);
    }

    public void ApplyTo(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ReadOnlyPaths = Root;
        options.SandboxPath = Bin;
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
