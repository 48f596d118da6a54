using System.CommandLine;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi approve</c>: approve (or reject with a comment) the phase a spec waits on.</summary>
internal static class ApproveCommand
{
    public static Command Create()
    {
        var spec = SpecArgument.Create();
        var gate = new Option<ApprovalGate>("--gate") { Description = "requirements or design.", Required = true };
        var reject = new Option<bool>("--reject") { Description = "Reject: the phase runs again with the comment as feedback." };
        var comment = new Option<string?>("--comment") { Description = "What the reviewer says." };
        var command = new Command("approve", "Approve or reject the requirements or design a spec is waiting on.") { spec, gate, reject, comment };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken);
            var id = parse.GetValue(spec)!;
            var approved = !parse.GetValue(reject);
            await services.Get<SpecService>().ApproveAsync(id, new ApproveRequest(parse.GetValue(gate), approved, parse.GetValue(comment)), services.Get<IWorkflowClient>(), cancellationToken);
            Console.WriteLine($"omoi: {(approved ? "approved" : "rejected")} the {parse.GetValue(gate).ToString().ToLowerInvariant()} of {id}; the run picks it up within a second.");
            return ExitCodes.Success;
        });
        return command;
    }
}
