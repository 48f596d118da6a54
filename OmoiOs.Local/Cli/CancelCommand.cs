using System.CommandLine;
using OmoiOs.Core.Application;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi cancel</c>: stop a spec's run and cancel its unfinished tasks.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var spec = SpecArgument.Create();
        var command = new Command("cancel", "Stop a spec's run and cancel its unfinished tasks (what finished is kept).") { spec };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken);
            var cancelled = await services.Get<SpecService>().CancelAsync(parse.GetValue(spec)!, services.Get<IWorkflowClient>(), cancellationToken);
            Console.WriteLine($"omoi: {cancelled.Id} cancelled.");
            return ExitCodes.Success;
        });
        return command;
    }
}
