using BenchmarkDotNet.Running;
using OmoiOs.Benchmarks.Figures;

var figureArgs = args.Skip(1).ToArray();
var figures = new Dictionary<string, Func<TextWriter, CancellationToken, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["scheduler"] = SchedulerQualityFigure.RunAsync,
    ["planner"] = (output, _) => HeuristicPlannerFigure.RunAsync(figureArgs.FirstOrDefault() ?? FindRepositoryRoot(), output),
    ["micro"] = (_, _) => RunMicroBenchmarks(figureArgs),
};

if (args.Length == 0 || !(figures.ContainsKey(args[0]) || args[0].Equals("all", StringComparison.OrdinalIgnoreCase)))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project benchmarks/OmoiOs.Benchmarks -- <{string.Join("|", figures.Keys)}|all> [planner: repository path | micro: BenchmarkDotNet arguments]");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var selected = args[0].Equals("all", StringComparison.OrdinalIgnoreCase) ? [.. figures.Keys] : new[] { args[0] };
foreach (var name in selected)
{
    Console.Out.WriteLine($"== {name}");
    await figures[name](Console.Out, cancellation.Token);
    Console.Out.WriteLine();
}

return 0;

static Task RunMicroBenchmarks(string[] benchmarkArgs)
{
    BenchmarkSwitcher.FromAssembly(typeof(SchedulerQualityFigure).Assembly)
        .Run(benchmarkArgs.Length == 0 ? ["--filter", "*"] : benchmarkArgs);
    return Task.CompletedTask;
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OmoiOs.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new DirectoryNotFoundException("No OmoiOs.sln above the current or the program's directory; pass the repository path after 'planner'.");
}
