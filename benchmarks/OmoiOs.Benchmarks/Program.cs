using BenchmarkDotNet.Running;
using OmoiOs.Benchmarks.Figures;

// Printed figures, in the order `all` runs them; `micro` (BenchmarkDotNet) runs only when named.
var figures = new Dictionary<string, Func<TextWriter, CancellationToken, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["sync"] = SyncFigure.RunAsync,
    ["planner"] = HeuristicPlannerFigure.RunAsync,
    ["engine"] = EngineFigure.RunAsync,
    ["memory"] = MemoryFigure.RunAsync,
    ["scheduler"] = SchedulerQualityFigure.RunAsync,
};
const string All = "all";
const string Micro = "micro";

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args.Length == 1 && args[0] == MemoryFigure.ChildName)
{
    await MemoryFigure.RunChildAsync(Console.Out, cancellation.Token);
    return 0;
}

if (args.Length > 0 && args[0].Equals(Micro, StringComparison.OrdinalIgnoreCase))
{
    BenchmarkSwitcher.FromAssembly(typeof(SchedulerQualityFigure).Assembly).Run(args.Length == 1 ? ["--filter", "*"] : args[1..]);
    return 0;
}

if (args.Length == 0 || !(figures.ContainsKey(args[0]) || args[0].Equals(All, StringComparison.OrdinalIgnoreCase)))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project benchmarks/OmoiOs.Benchmarks -- <{string.Join("|", figures.Keys)}|{All}|{Micro} [BenchmarkDotNet arguments]>");
    return 2;
}

var selected = args[0].Equals(All, StringComparison.OrdinalIgnoreCase) ? [.. figures.Keys] : new[] { args[0] };
foreach (var name in selected)
{
    Console.Out.WriteLine($"== {name}");
    await figures[name](Console.Out, cancellation.Token);
    Console.Out.WriteLine();
}

return 0;
