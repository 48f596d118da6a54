using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Agents;
using OmoiOs.Infrastructure.Execution;
using OmoiOs.Infrastructure.Execution.Checks;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Sandboxes.Local;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Local sandbox costs: start + trivial command + teardown against a bare <c>bwrap … true</c> with the same flags and an
/// unsandboxed <c>true</c>; the same with a task workspace (clone) made and removed; and 100 example-agent tasks at
/// parallelism 2 against the ideal (sum of agent time / 2).
/// </summary>
public static class SandboxFigures
{
    private const int Samples = 40;
    private const int Tasks = 100;
    private const int Parallelism = 2;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = Directory.CreateTempSubdirectory("omoi-bench-").FullName;
        try
        {
            var options = new SandboxOptions { WorkspaceRoot = Path.Combine(root, "workspaces") };
            var provider = new LocalSandboxProvider(Options.Create(options), NullLogger<LocalSandboxProvider>.Instance);
            var workspace = Directory.CreateDirectory(Path.Combine(root, "ws")).FullName;
            var repository = CreateRepository(Path.Combine(root, "repo"));
            var workspaces = new TaskWorkspaces(Options.Create(options), NullLogger<TaskWorkspaces>.Instance);
            await using (await provider.CreateAsync(new SandboxRequest { Name = "warm", WorkspacePath = workspace }, CancellationToken.None))
            {
                // The first creation probes bubblewrap; keep it out of the samples.
            }

            var bare = await Median(() => RunBareAsync("/bin/true", []));
            var bareBwrap = await Median(() => RunBareAsync(options.BubblewrapPath == "bwrap" ? "/usr/bin/bwrap" : options.BubblewrapPath, BareBubblewrap(options, workspace)));
            var sandboxed = await Median(async () =>
            {
                await using var sandbox = await provider.CreateAsync(new SandboxRequest { Name = "bench", WorkspacePath = workspace }, CancellationToken.None);
                await sandbox.RunAsync(new SandboxCommand("true", Timeout), CancellationToken.None);
            });
            var withWorkspace = await Median(async () =>
            {
                var task = await workspaces.CreateAsync(repository, "main", "bench", "bench/w", CancellationToken.None);
                await using (var sandbox = await provider.CreateAsync(new SandboxRequest { Name = "bench", WorkspacePath = task.Path }, CancellationToken.None))
                {
                    await sandbox.RunAsync(new SandboxCommand("true", Timeout), CancellationToken.None);
                }

                await workspaces.DeleteAsync(task, CancellationToken.None);
            });

            output.WriteLine("Sandbox figures (local bubblewrap provider, median of {0})", Samples);
            output.WriteLine("  unsandboxed true                          {0,8:F2} ms", bare);
            output.WriteLine("  bare bwrap … true (same flags)            {0,8:F2} ms", bareBwrap);
            output.WriteLine("  sandbox create + true + teardown          {0,8:F2} ms   {1:F2}x bare bwrap (target <= 2x)", sandboxed, sandboxed / bareBwrap);
            output.WriteLine("  … with workspace clone + removal          {0,8:F2} ms   (target <= 50 ms)", withWorkspace);

            var (wall, agentSum, completed, overhead) = await RunExampleTasksAsync(options, repository);
            output.WriteLine("  {0} example-agent tasks at parallelism {1}: wall {2:F0} ms, sum of agent time {3:F0} ms, completed {4}",
                Tasks, Parallelism, wall, agentSum, completed);
            output.WriteLine("  wall / (agent time / {0}) = {1:F2}   (target <= 1.2)", Parallelism, wall / (agentSum / Parallelism));
            output.WriteLine("  per task outside the agent (clone, commit + bundle, fetch, merge, cleanup): median {0:F0} ms", overhead);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double WallMs, double AgentSumMs, int Completed, double OverheadMedianMs)> RunExampleTasksAsync(SandboxOptions options, string repository)
    {
        var runner = new SandboxTaskRunner(
            new LocalSandboxProvider(Options.Create(options), NullLogger<LocalSandboxProvider>.Instance),
            new CommandAgentRunner(Options.Create(new AgentOptions()), AgentPresets.Catalog(new AgentOptions())),
            new SandboxCheckResolver(),
            new TaskWorkspaces(Options.Create(options), NullLogger<TaskWorkspaces>.Instance),
            Options.Create(options),
            NullLogger<SandboxTaskRunner>.Instance);
        var requests = Enumerable.Range(1, Tasks).Select(i => Request(repository, i)).ToList();
        var outcomes = new TaskRunOutcome[Tasks];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Tasks),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, cancellationToken) => outcomes[i] = await runner.RunAsync(requests[i], cancellationToken));
        clock.Stop();
        var overheads = outcomes.Select(o => (double)(o.Result.DurationMs - o.Result.AgentDurationMs)).Order().ToList();
        return (clock.Elapsed.TotalMilliseconds, outcomes.Sum(o => o.Result.AgentDurationMs), outcomes.Count(o => o.Verdict == TaskRunVerdict.Completed), overheads[overheads.Count / 2]);
    }

    private static TaskRunRequest Request(string repository, int index)
    {
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const string specId = "spec-benchmark001";
        var key = $"TSK-{index.ToString("D3", CultureInfo.InvariantCulture)}";
        var spec = new Spec
        {
            Id = specId, Title = "Benchmark", Description = "100 tasks", Repository = repository, Branch = "omoi/" + specId,
            InstanceId = specId, CreatedAt = at, UpdatedAt = at,
        };
        var specTask = new SpecTask
        {
            Id = RecordIds.SpecTask(specId, key), SpecId = specId, Key = key, Title = $"Module {index}",
            FilesToCreate = [$"src/module_{index}.py"],
        };
        var task = new WorkTask
        {
            Id = RecordIds.WorkTask(specId, key), SpecId = specId, TicketId = RecordIds.Ticket(specId), SpecTaskId = specTask.Id,
            Title = specTask.Title, CreatedAt = at, UpdatedAt = at,
        };
        return new TaskRunRequest { Spec = spec, SpecTask = specTask, Task = task };
    }

    private static List<string> BareBubblewrap(SandboxOptions options, string workspace)
    {
        var etc = Path.Combine(options.ResolvedWorkspaceRoot(), ".sandbox-etc");
        var settings = new BubblewrapArguments.Settings
        {
            BubblewrapPath = "/usr/bin/bwrap",
            WorkspacePath = workspace,
            EtcOverlayPath = etc,
            TmpBytes = options.TmpBytes,
            Environment = BubblewrapArguments.BaseEnvironment(),
        };
        return BubblewrapArguments.Build(settings, "true").Skip(1).ToList();
    }

    private static async Task RunBareAsync(string program, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        }
    }

    private static async Task<double> Median(Func<Task> action)
    {
        var samples = new List<double>(Samples);
        await action();
        for (var i = 0; i < Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return samples[Samples / 2];
    }

    private static string CreateRepository(string path)
    {
        Directory.CreateDirectory(Path.Combine(path, "src"));
        File.WriteAllText(Path.Combine(path, "README.md"), "# Benchmark repository\n");
        File.WriteAllText(Path.Combine(path, "src", "app.py"), "print('app')\n");
        foreach (var arguments in new[]
        {
            new[] { "init", "--quiet", "--initial-branch=main" },
            ["add", "-A"],
            ["-c", "user.name=bench", "-c", "user.email=bench@omoi.invalid", "commit", "--quiet", "-m", "initial"],
        })
        {
            var startInfo = new ProcessStartInfo("git") { WorkingDirectory = path, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)!;
            process.WaitForExit();
        }

        return path;
    }
}
