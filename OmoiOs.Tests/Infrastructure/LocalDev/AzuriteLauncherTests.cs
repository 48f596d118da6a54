using System.Globalization;
using OmoiOs.Infrastructure.LocalDev;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.LocalDev;

/// <summary>The launcher on Azurites of the tests' own (free ports, fresh data folders), never the shared one.</summary>
public sealed class AzuriteLauncherTests
{
    [Fact]
    public async Task EnsureRunningAsync_NothingListens_StartsAzuriteOutsideThisProcessTreeAndLaterCallsReuseIt()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        var pid = Assert.IsType<int>(azurite.Pid);

        var again = await new AzuriteLauncher(Microsoft.Extensions.Logging.Abstractions.NullLogger<AzuriteLauncher>.Instance)
            .EnsureRunningAsync(azurite.Settings, AppContext.BaseDirectory, CancellationToken.None);

        Assert.False(again.Started);
        Assert.Equal(pid, again.Pid);
        Assert.NotEqual(Environment.ProcessId, ParentOf(pid));
        Assert.Equal(pid.ToString(CultureInfo.InvariantCulture), (await File.ReadAllTextAsync(azurite.Settings.PidFile)).Trim());
    }

    [Fact]
    public async Task StopAsync_StartedAzurite_SavesAndExitsAndForgetsItsPid()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        var pid = Assert.IsType<int>(azurite.Pid);

        var stop = await azurite.StopAsync();

        Assert.Equal(AzuriteStopOutcome.Stopped, stop.Outcome);
        Assert.False(PosixProcess.IsAlive(pid));
        Assert.False(File.Exists(azurite.Settings.PidFile));
        Assert.Contains("Azurite Table service successfully closed", await File.ReadAllTextAsync(azurite.Settings.LogFile), StringComparison.Ordinal);
        Assert.False((await AzuriteLauncher.StatusAsync(azurite.Settings, CancellationToken.None)).Listening);
    }

    [Fact]
    public async Task StopAsync_NothingStarted_ReportsNotRunning()
    {
        var settings = new AzuriteSettings(Path.Combine(Path.GetTempPath(), "omoi-azurite-" + Guid.NewGuid().ToString("N")));

        var stop = await new AzuriteLauncher(Microsoft.Extensions.Logging.Abstractions.NullLogger<AzuriteLauncher>.Instance)
            .StopAsync(settings, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(AzuriteStopOutcome.NotRunning, stop.Outcome);
    }

    [Fact]
    public async Task StatusAsync_PidFileNamesAnotherProcess_DoesNotClaimIt()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await azurite.StopAsync();
        // A stale pid file whose number now belongs to some other process (here: this test host).
        await File.WriteAllTextAsync(azurite.Settings.PidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        var status = await AzuriteLauncher.StatusAsync(azurite.Settings, CancellationToken.None);

        Assert.Null(status.Pid);
        Assert.False(status.Listening);
    }

    private static int ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
