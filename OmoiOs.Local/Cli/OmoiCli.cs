using System.CommandLine;

namespace OmoiOs.Local.Cli;

/// <summary>The <c>omoi</c> command tree.</summary>
internal static class OmoiCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            """
            OmoiOs: turns a feature request (a spec) against a repository into planned, executed, merged work.
            Runs on this machine with Azurite, the local bubblewrap sandbox and the heuristic planner by default.

            Exit codes: 0 success, 1 spec failed or cancelled, 2 invalid input, 3 something needed is unavailable,
            4 not found, 5 the spec's state does not allow it, 130 interrupted.
            """);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ApproveCommand.Create());
        root.Subcommands.Add(CancelCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(StorageCommand.Create());
        return root;
    }
}
