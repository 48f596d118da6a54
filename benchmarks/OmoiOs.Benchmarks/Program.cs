using BenchmarkDotNet.Running;
using OmoiOs.Benchmarks.Figures;
using OmoiOs.Benchmarks.Support;

// Printed figures, in the order `all` runs them; `micro` (BenchmarkDotNet) runs only when named.
var figureArgs = args.Skip(1).ToArray();
var figures = new Dictionary<string, Func<TextWriter, CancellationToken, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["sync"] = SyncFigure.RunAsync,
    ["planner"] = (output, token) => HeuristicPlannerFigure.RunAsync(figureArgs.FirstOrDefault() ?? RepositoryRoot.Find(), output, token),
    ["planning"] = (output, token) => PlanningAccuracyFigure.RunAsync(figureArgs, output, token),
    ["engine"] = EngineFigure.RunAsync,
    ["memory"] = MemoryFigure.RunAsync,
    ["scheduler"] = SchedulerQualityFigure.RunAsync,
    ["sandbox"] = (output, _) => SandboxFigures.RunAsync(output),
    ["azurite"] = AzuriteFigure.RunAsync,
    ["kills"] = KillsFigure.RunAsync,
    ["longrun"] = (output, token) => LongRunFigure.RunAsync(figureArgs, output, token),
};
const string All = "all";
const string Micro = "micro";

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args is [MemoryFigure.ChildName])
{
    await MemoryFigure.RunChildAsync(Console.Out, cancellation.Token);
    return 0;
}

if (args.Length > 0 && args[0].Equals(Micro, StringComparison.OrdinalIgnoreCase))
{
    BenchmarkSwitcher.FromAssembly(typeof(SchedulerQualityFigure).Assembly).Run(figureArgs.Length == 0 ? ["--filter", "*"] : figureArgs);
    return 0;
}

if (args.Length == 0 || !(figures.ContainsKey(args[0]) || args[0].Equals(All, StringComparison.OrdinalIgnoreCase)))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project benchmarks/OmoiOs.Benchmarks -- <{string.Join("|", figures.Keys)}|{All}|{Micro}> [planner: repository path | planning: --plans | micro: BenchmarkDotNet arguments]");
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
