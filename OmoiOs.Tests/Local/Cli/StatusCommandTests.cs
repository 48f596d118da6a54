using System.Diagnostics;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Cli;

/// <summary>The real <c>omoi status</c> as a child process, run from unrelated directories.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StatusCommandTests : IDisposable
{
    private readonly StorageHarness _storage = new();
    private readonly string _root = Directory.CreateTempSubdirectory("omoi-status-").FullName;

    [Fact]
    public async Task Status_FromTwoOtherDirectories_SeesTheSameStoreAndLeavesNothingThere()
    {
        var spec = TestRecords.Spec(TestRecords.NewSpecId());
        await _storage.Get<ISpecRepository>().CreateAsync(spec, CancellationToken.None);
        var first = Directory.CreateDirectory(Path.Combine(_root, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_root, "second")).FullName;

        var fromFirst = await OmoiAsync(first, "status", spec.Id);
        var fromSecond = await OmoiAsync(second, "status", spec.Id);

        Assert.Equal((0, true), (fromFirst.ExitCode, fromFirst.Output.Contains(spec.Id, StringComparison.Ordinal)));
        Assert.Equal((0, true), (fromSecond.ExitCode, fromSecond.Output.Contains(spec.Id, StringComparison.Ordinal)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(first));
        Assert.Empty(Directory.EnumerateFileSystemEntries(second));
    }

    private async Task<(int ExitCode, string Output)> OmoiAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "omoi.dll"));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Remove("OMOI_DATA_DIR");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(_root, "xdg");
        start.Environment["OMOI_TABLE_PREFIX"] = _storage.TablePrefix;
        start.Environment["OMOI_STORAGE"] = "UseDevelopmentStorage=true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    public void Dispose()
    {
        _storage.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
