using System.Diagnostics;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Scripts;

/// <summary><c>scripts/install.sh</c>, run as the quick start runs it, puts a working <c>omoi</c> launcher in place.</summary>
public sealed class InstallScriptTests : IDisposable
{
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "omoi-bin-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Install_BinDirectoryNotOnPath_WritesALauncherThatRunsOmoiAndSaysHowToAddIt()
    {
        var (exitCode, output, error) = await RunAsync(Path.Combine(RepositoryRoot.Find(), "scripts", "install.sh"), [], ("OMOI_BIN_DIR", _bin));

        Assert.True(exitCode == 0, error);
        var launcher = Path.Combine(_bin, "omoi");
        Assert.Equal(launcher, output.Trim());
        Assert.Contains($"{_bin} is not on your PATH", error, StringComparison.Ordinal);
        var help = await RunAsync(launcher, ["--help"]);
        Assert.True(help.ExitCode == 0, help.Error);
        Assert.Contains("omoi", help.Output, StringComparison.Ordinal);
        Assert.Contains("show", help.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_bin))
        {
            Directory.Delete(_bin, recursive: true);
        }
    }
}
