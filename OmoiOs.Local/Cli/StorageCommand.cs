using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Infrastructure.LocalDev;
using OmoiOs.Local.Server;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi storage</c>: the per-user Azurite that <c>omoi</c> commands start once and share.</summary>
internal static class StorageCommand
{
    public static Command Create()
    {
        var command = new Command("storage", "The local Azurite omoi keeps your records in (started by the first command that needs it, then shared).")
        {
            StartCommand(),
            StatusCommand(),
            StopCommand(),
        };
        return command;
    }

    private static Command StartCommand()
    {
        var command = new Command("start", "Start the local Azurite unless one answers already.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var configuration = Configuration();
            if (!StorageSettings.UsesDevelopmentStorage(configuration))
            {
                return NotLocal();
            }

            var status = await Launcher().EnsureRunningAsync(StorageSettings.Azurite(configuration), AppContext.BaseDirectory, cancellationToken);
            Console.WriteLine($"omoi: {status.Describe()}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command StatusCommand()
    {
        var command = new Command("status", "Say whether the local Azurite runs, its pid, data directory and log.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var configuration = Configuration();
            if (!StorageSettings.UsesDevelopmentStorage(configuration))
            {
                return NotLocal();
            }

            var status = await AzuriteLauncher.StatusAsync(StorageSettings.Azurite(configuration), cancellationToken);
            Console.WriteLine($"omoi: {status.Describe()}");
            return status.Listening ? ExitCodes.Success : ExitCodes.Unavailable;
        });
        return command;
    }

    private static Command StopCommand()
    {
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for Azurite to save its data and exit (hh:mm:ss).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
        };
        var command = new Command("stop", "Stop the local Azurite omoi started, the way that saves its data (SIGTERM), and wait for it.") { timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = Configuration();
            if (!StorageSettings.UsesDevelopmentStorage(configuration))
            {
                return NotLocal();
            }

            var settings = StorageSettings.Azurite(configuration);
            var stop = await Launcher().StopAsync(settings, parse.GetValue(timeout), cancellationToken);
            if (stop.Outcome == AzuriteStopOutcome.NotRunning && await AzuriteLauncher.StatusAsync(settings, cancellationToken) is { Listening: true } other)
            {
                Console.Error.WriteLine($"omoi: {other.Describe()}");
                return ExitCodes.Conflict;
            }

            var output = stop.Outcome == AzuriteStopOutcome.TimedOut ? Console.Error : Console.Out;
            output.WriteLine($"omoi: {stop.Describe()}");
            return stop.Outcome == AzuriteStopOutcome.TimedOut ? ExitCodes.Unavailable : ExitCodes.Success;
        });
        return command;
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    private static AzuriteLauncher Launcher() => new(NullLogger<AzuriteLauncher>.Instance);

    private static int NotLocal()
    {
        Console.Error.WriteLine("omoi: the records' storage is not the local emulator (OMOI_STORAGE / OMOI_STORAGE_TABLE_URI): nothing to manage here");
        return ExitCodes.Conflict;
    }
}
