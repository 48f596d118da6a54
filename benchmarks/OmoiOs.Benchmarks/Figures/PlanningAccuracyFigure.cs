using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Benchmarks.Support;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Serialization;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Planning accuracy of the heuristic planner on the planning corpus (OmoiOs.Tests/TestData/planning-corpus: trimmed
/// copies of public repositories, each with a spec naming real files): per repository and overall, the share of files
/// to modify that exist, of new files that follow the layout, of spec-named files a task changes and of whole-phrase
/// titles, whether every phase passed its evaluation, and the time of one plan (EXPLORE to TASKS with evaluation,
/// median of <see cref="Runs"/> runs after a warm-up). Target: 100% on every share.
/// </summary>
public static class PlanningAccuracyFigure
{
    public const int Runs = 5;

    public const string PlansOption = "--plans";

    public static async Task RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var corpus = Path.Combine(RepositoryRoot.Find(), "OmoiOs.Tests", "TestData", "planning-corpus");
        var showPlans = arguments.Contains(PlansOption, StringComparer.Ordinal);
        await using var services = new ServiceCollection().AddHeuristicPlanner().BuildServiceProvider();
        var planner = services.GetRequiredKeyedService<IPlanner>(HeuristicPlanner.PlannerName);
        var evaluator = new PhaseEvaluator();
        await output.WriteLineAsync($"planning: heuristic planner on the corpus in {corpus} (target 100% on every share)").ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"  {"repository",-13} {"modify exists",14} {"new in layout",14} {"spec files",11} {"whole titles",13} {"evaluations",12} {"ms/plan",8}")).ConfigureAwait(false);
        var total = PlanAccuracy.Empty;
        var times = new List<double>();
        foreach (var directory in Directory.EnumerateDirectories(corpus).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (title, description) = ReadSpec(Path.Combine(directory, "spec.md"));
            var request = new PhaseRequest { Phase = SpecPhase.Explore, SpecId = "figure", Title = title, Description = description, RepositoryPath = Path.Combine(directory, "repo") };
            var plan = await PlanAsync(planner, evaluator, request, cancellationToken).ConfigureAwait(false);
            var elapsed = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                await PlanAsync(planner, evaluator, request, cancellationToken).ConfigureAwait(false);
                elapsed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var median = elapsed.Order().ElementAt(Runs / 2);
            times.Add(median);
            total = total.Add(plan.Accuracy);
            await output.WriteLineAsync(Invariant($"  {Path.GetFileName(directory),-13} {Share(plan.Accuracy.ModifiedFilesExisting, plan.Accuracy.ModifiedFiles),14} {Share(plan.Accuracy.NewFilesInLayout, plan.Accuracy.NewFiles),14} {Share(plan.Accuracy.SpecNamedFilesChanged, plan.Accuracy.SpecNamedFiles),11} {Share(plan.Accuracy.WholeTitles, plan.Accuracy.Titles),13} {$"{plan.Passed}/4 passed",12} {median,8:F1}")).ConfigureAwait(false);
            foreach (var problem in plan.Accuracy.Problems.Concat(plan.Failures))
            {
                await output.WriteLineAsync($"    ! {problem}").ConfigureAwait(false);
            }

            if (showPlans)
            {
                foreach (var task in plan.Tasks.Tasks)
                {
                    await output.WriteLineAsync($"    {task.Id} {task.Title} | create: {string.Join(", ", task.FilesToCreate)} | modify: {string.Join(", ", task.FilesToModify)}").ConfigureAwait(false);
                }
            }
        }

        await output.WriteLineAsync(Invariant($"  {"overall",-13} {Share(total.ModifiedFilesExisting, total.ModifiedFiles),14} {Share(total.NewFilesInLayout, total.NewFiles),14} {Share(total.SpecNamedFilesChanged, total.SpecNamedFiles),11} {Share(total.WholeTitles, total.Titles),13} {"",12} {times.Order().ElementAt(times.Count / 2),8:F1}")).ConfigureAwait(false);
        var verdict = total.Problems.Count == 0 ? "every hard rule holds on every plan" : $"{total.Problems.Count} PROBLEMS";
        await output.WriteLineAsync($"  {verdict}; ms/plan overall is the median of the repositories' medians").ConfigureAwait(false);
    }

    /// <summary>EXPLORE to TASKS, each phase evaluated as the workflow evaluates it (spec text and EXPLORE's file list included).</summary>
    private static async Task<CorpusPlan> PlanAsync(IPlanner planner, PhaseEvaluator evaluator, PhaseRequest request, CancellationToken cancellationToken)
    {
        var prior = new PriorOutputs { SpecText = $"{request.Title}\n{request.Description}" };
        var failures = new List<string>();
        var passed = 0;
        foreach (var phase in (SpecPhase[])[SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design, SpecPhase.Tasks])
        {
            var reply = await planner.GenerateAsync(request with { Phase = phase, Explore = prior.Explore, Requirements = prior.Requirements, Design = prior.Design }, cancellationToken).ConfigureAwait(false);
            var outcome = evaluator.Evaluate(phase, reply.Json, prior);
            if (outcome.Evaluation.Passed)
            {
                passed++;
            }
            else
            {
                failures.Add($"{phase.ToWire()} failed: {outcome.Evaluation.Feedback.Replace('\n', ' ')}");
            }

            prior = outcome.Output switch
            {
                ExploreOutput explore => prior with { Explore = explore },
                RequirementsOutput requirements => prior with { Requirements = requirements },
                DesignOutput design => prior with { Design = design },
                TasksOutput tasks => prior with { Tasks = tasks },
                _ => prior,
            };
        }

        var accuracy = prior is { Explore: { } e, Requirements: { } r, Design: { } d, Tasks: { } t }
            ? PlanAccuracy.Measure(e, prior.SpecText, r, d, t)
            : PlanAccuracy.Empty with { Problems = ["a phase's output could not be read"] };
        return new CorpusPlan(accuracy, passed, failures, prior.Tasks ?? new TasksOutput());
    }

    private static (string Title, string Description) ReadSpec(string path)
    {
        var lines = File.ReadAllLines(path);
        var title = lines.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        return (title, string.Join('\n', lines.SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1)).Trim());
    }

    private static string Share(int part, int whole) => whole == 0 ? "n/a (0)" : Invariant($"{100.0 * part / whole:F0}% ({part}/{whole})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record CorpusPlan(PlanAccuracy Accuracy, int Passed, IReadOnlyList<string> Failures, TasksOutput Tasks);
}
