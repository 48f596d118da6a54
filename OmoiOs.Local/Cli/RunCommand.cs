using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Export;
using OmoiOs.Core.Serialization;
using OmoiOs.Core.Workflow;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi run</c>: a spec end to end on the Durable Task Framework, this process working on the hub until the spec ends, with live progress and a final summary.</summary>
internal static class RunCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    // How often the watch asks the engine whether it ended the run without settling the spec (a point read of the instance).
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(3);

    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "A Markdown file holding the feature request, or the request itself as text." };
        var repo = new Option<string>("--repo", "-r") { Description = "The repository to work on: a local path or a git URL.", DefaultValueFactory = _ => "." };
        var planner = new Option<string?>("--planner") { Description = "heuristic (default, offline), openai, azure-openai or anthropic." };
        var approval = new Option<ApprovalGate[]>("--require-approval") { Description = "Wait for approval after these phases: requirements, design.", AllowMultipleArgumentsPerToken = true };
        var parallel = new Option<int?>("--max-parallel") { Description = "Tasks that may run at once (default 4)." };
        var budget = new Option<decimal?>("--budget") { Description = "Stop scheduling tasks once planner + agent cost reaches this many USD." };
        var agent = new Option<string?>("--agent") { Description = "The agent for this spec, by name: example, claude, codex, gemini, aider or one defined in OMOI_AGENTS__<name> (default: OMOI_AGENT)." };
        var check = new Option<string?>("--check") { Description = "Command that validates each task (default: the test command EXPLORE detects)." };
        var setup = new Option<string?>("--setup") { Description = "Command run in each task's sandbox before the agent (default: the repository's .omoi/setup.sh, if any)." };
        var keepBranches = new Option<bool>("--keep-task-branches") { Description = "Keep each task's branch after it is merged into the spec branch (deleted by default)." };

        var command = new Command("run", "Run a spec end to end: plan it, execute its tasks in sandboxes, merge them into the spec branch.")
        {
            spec, repo, planner, approval, parallel, budget, agent, check, setup, keepBranches,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = SpecInput.From(parse.GetValue(spec)!);
            var repository = parse.GetValue(repo)!;
            var localPath = RepositoryAddress.IsUrl(repository) && !Directory.Exists(repository) ? null : Path.GetFullPath(repository);
            await using var services = await CliServices.StartAsync(cancellationToken, allowedRepository: localPath);
            var specs = services.Get<SpecService>();
            var workflows = services.Get<IWorkflowClient>();
            var created = await specs.CreateAsync(
                new CreateSpecRequest
                {
                    Title = input.Title,
                    Description = input.Description,
                    Repository = localPath ?? repository,
                    Options = new SpecOptionsRequest
                    {
                        Planner = parse.GetValue(planner),
                        RequireApproval = parse.GetValue(approval),
                        MaxParallelTasks = parse.GetValue(parallel),
                        BudgetUsd = parse.GetValue(budget),
                        Agent = parse.GetValue(agent),
                        CheckCommand = parse.GetValue(check),
                        SetupCommand = parse.GetValue(setup),
                        KeepTaskBranches = parse.GetValue(keepBranches),
                    },
                },
                cancellationToken);
            Console.WriteLine($"omoi: created {created.Id} \"{created.Title}\" on {created.Repository}; planner {created.Options.Planner}.");
            await services.StartWorkerAsync(cancellationToken);
            await specs.ExecuteAsync(created.Id, workflows, cancellationToken);

            var watch = Stopwatch.StartNew();
            var final = await ProgressView.ShowAsync(report => WatchAsync(services, created.Id, watch, report, cancellationToken));
            var exportDirectory = await ExportAsync(services, specs, final, cancellationToken);
            await PrintSummaryAsync(services, specs, final, exportDirectory, watch.Elapsed, cancellationToken);
            return final.Status == SpecStatus.Completed ? ExitCodes.Success : ExitCodes.SpecFailed;
        });
        return command;
    }

    private static async Task<Spec> WatchAsync(CliServices services, string specId, Stopwatch watch, Action<SpecSnapshot> report, CancellationToken cancellationToken)
    {
        var specs = services.Get<SpecService>();
        var workflows = services.Get<IWorkflowClient>();
        var reconciler = services.Get<EndedRunReconciler>();
        var scores = new List<string>();
        long seen = 0;
        var reconciledAt = TimeSpan.Zero;
        while (true)
        {
            try
            {
                foreach (var e in await specs.EventsAsync(specId, seen, 1000, cancellationToken))
                {
                    seen = e.Sequence;
                    if (e.Type is SpecEventTypes.PhaseCompleted or SpecEventTypes.PhaseRetry or SpecEventTypes.PhaseFailed)
                    {
                        scores.Add($"{e.Payload["phase"]} {(double?)e.Payload["score"]:0.00}{(e.Type == SpecEventTypes.PhaseCompleted ? "" : " ✗")}");
                    }
                }

                var spec = await specs.GetAsync(specId, cancellationToken);
                if (watch.Elapsed - reconciledAt >= ReconcileInterval)
                {
                    reconciledAt = watch.Elapsed;
                    spec = (await reconciler.ReconcileAsync(spec, workflows, cancellationToken))?.Spec ?? spec;
                }

                report(new SpecSnapshot(spec, await specs.ExecutionStatusAsync(specId, cancellationToken), scores, watch.Elapsed));
                if (SpecTransitions.IsFinished(spec.Status) && await workflows.GetAsync(spec.InstanceId, cancellationToken) is not { IsRunning: true })
                {
                    return spec;
                }
            }
            catch (StorageUnavailableException)
            {
                // A moment without storage (Azurite restarted under the run) is not the run's end: the outage monitor
                // logs it, the watches restart the engine if storage lost writes, and the next read goes on from there.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<string?> ExportAsync(CliServices services, SpecService specs, Spec spec, CancellationToken cancellationToken)
    {
        if (spec.Status is not (SpecStatus.Completed or SpecStatus.Failed) || (await specs.TaskListAsync(spec.Id, cancellationToken)).Items.Count == 0)
        {
            return null;
        }

        var directory = Path.Combine(services.Get<IOptions<DataDirectoryOptions>>().Value.ResolvedDataDirectory(), "exports", spec.Id);
        foreach (var format in Enum.GetValues<SpecExportFormat>())
        {
            foreach (var file in await specs.ExportAsync(spec.Id, format, cancellationToken))
            {
                var path = Path.Combine(directory, format.ToWire(), file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, file.Content, cancellationToken);
            }
        }

        return directory;
    }

    private static async Task PrintSummaryAsync(CliServices services, SpecService specs, Spec spec, string? exportDirectory, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var tasks = await specs.ExecutionStatusAsync(spec.Id, cancellationToken);
        var storage = services.Get<IOptions<StorageOptions>>().Value;
        Console.WriteLine();
        Console.WriteLine($"omoi: {spec.Id} {spec.Status.ToWire()} in {elapsed:mm\\:ss}{(spec.FailureReason is { } reason ? $" ({reason})" : "")}");
        Console.WriteLine($"  tasks:   {tasks.Counts.Completed}/{tasks.Total} completed, {tasks.Counts.Failed} failed, {tasks.Counts.Blocked} blocked");
        TaskFailuresView.Write(Console.Out, await specs.TaskFailuresAsync(spec.Id, cancellationToken));
        Console.WriteLine($"  branch:  {spec.Branch} in {spec.Repository} (your checkout and current branch are untouched)");
        Console.WriteLine($"  records: table {storage.TablePrefix}Records, partition {spec.Id} (omoi status {spec.Id})");
        if (exportDirectory is not null)
        {
            Console.WriteLine($"  export:  {exportDirectory} (kiro/ and speckit/ Markdown)");
        }
    }
}
