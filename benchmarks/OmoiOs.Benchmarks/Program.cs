using BenchmarkDotNet.Running;
using OmoiOs.Benchmarks.Figures;

var figures = new Dictionary<string, Func<TextWriter, CancellationToken, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["sync"] = SyncFigure.RunAsync,
    ["planner"] = HeuristicPlannerFigure.RunAsync,
    ["engine"] = EngineFigure.RunAsync,
    ["scheduler"] = SchedulerQualityFigure.RunAsync,
    ["micro"] = (_, _) => RunMicroBenchmarks(args.Skip(1).ToArray()),
};

if (args.Length == 0 || !(figures.ContainsKey(args[0]) || args[0].Equals("all", StringComparison.OrdinalIgnoreCase)))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project benchmarks/OmoiOs.Benchmarks -- <{string.Join("|", figures.Keys)}|all> [BenchmarkDotNet arguments for micro]");
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
