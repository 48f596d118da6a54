using System.CommandLine;
using OmoiOs.Core.Application;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi status</c>: where a spec stands, its tasks (each failed or blocked one with its reason) and its latest events.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var spec = SpecArgument.Create();
        var events = new Option<int>("--events") { Description = "How many of the latest events to show.", DefaultValueFactory = _ => 10 };
        var command = new Command("status", "Show a spec's status, phase, progress, task counts, why tasks failed or are blocked, and latest events.") { spec, events };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken);
            var specs = services.Get<SpecService>();
            var id = parse.GetValue(spec)!;
            var current = await specs.GetAsync(id, cancellationToken);
            var tasks = await specs.ExecutionStatusAsync(id, cancellationToken);
            Console.WriteLine($"{current.Id} \"{current.Title}\"");
            Console.WriteLine(ProgressView.Describe(new SpecSnapshot(current, tasks, [], TimeSpan.Zero)));
            if (current.FailureReason is { } reason)
            {
                Console.WriteLine($"reason: {reason}");
            }

            TaskFailuresView.Write(Console.Out, await specs.TaskFailuresAsync(id, cancellationToken));

            var all = await specs.EventsAsync(id, 0, 1000, cancellationToken);
            foreach (var e in all.TakeLast(parse.GetValue(events)))
            {
                Console.WriteLine($"  #{e.Sequence} {e.At:HH:mm:ss} {e.Type} {e.EntityType} {e.EntityId} {e.Payload.ToJsonString()}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
