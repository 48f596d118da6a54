using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// Wall-clock time of the heuristic planner's four phases (EXPLORE, REQUIREMENTS, DESIGN, TASKS) and of
/// evaluating each, on one repository. Runs the pipeline twice: the first run pays JIT and file-cache costs,
/// the second shows the steady state. Target: under 2 s in total on the OmoiOs repository itself.
/// </summary>
public static class HeuristicPlannerFigure
{
    public const double TargetSeconds = 2;

    private const string Title = "Planner selection by configuration";

    private const string Description = """
        Let operators choose the planner that writes each phase through the OMOI_PLANNER setting.
        - The heuristic planner is used when OMOI_PLANNER is not set.
        - When OMOI_PLANNER names an unknown planner, the host should fail at start and name the setting.
        - If an LLM planner returns output that fails evaluation, the phase is retried up to 3 times with the feedback.
        - The API key of an LLM planner must never be written to logs or events.
        - The docs explain each planner and its settings.
        """;

    public static async Task RunAsync(string repositoryPath, TextWriter output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryPath);
        ArgumentNullException.ThrowIfNull(output);
        await using var services = new ServiceCollection().AddHeuristicPlanner().BuildServiceProvider();
        var planner = services.GetRequiredKeyedService<IPlanner>(HeuristicPlanner.PlannerName);
        var evaluator = new PhaseEvaluator();
        await output.WriteLineAsync($"Heuristic planner on {Path.GetFullPath(repositoryPath)} (target < {TargetSeconds.ToString(CultureInfo.InvariantCulture)} s for all four phases with evaluation)").ConfigureAwait(false);
        foreach (var run in (string[])["first run (cold)", "second run (warm)"])
        {
            await output.WriteLineAsync($"  {run}").ConfigureAwait(false);
            var total = await RunOnceAsync(planner, evaluator, repositoryPath, output).ConfigureAwait(false);
            var verdict = total.TotalSeconds < TargetSeconds ? "within target" : "OVER TARGET";
            await output.WriteLineAsync(Invariant($"    {"total",-13} {total.TotalMilliseconds,9:F1} ms  {verdict}")).ConfigureAwait(false);
        }
    }

    private static async Task<TimeSpan> RunOnceAsync(IPlanner planner, PhaseEvaluator evaluator, string repositoryPath, TextWriter output)
    {
        var request = new PhaseRequest
        {
            Phase = SpecPhase.Explore,
            SpecId = "figure",
            Title = Title,
            Description = Description,
            RepositoryPath = repositoryPath,
        };
        var total = TimeSpan.Zero;

        var (exploreJson, elapsed) = await TimeAsync(() => planner.GenerateAsync(request, CancellationToken.None)).ConfigureAwait(false);
        var explore = Evaluate(() => evaluator.EvaluateExplore(exploreJson), out var evaluation);
        total += await ReportAsync(output, "explore", elapsed, evaluation, explore.Evaluation).ConfigureAwait(false);

        (var requirementsJson, elapsed) = await TimeAsync(() => planner.GenerateAsync(request with { Phase = SpecPhase.Requirements, Explore = explore.Output }, CancellationToken.None)).ConfigureAwait(false);
        var requirements = Evaluate(() => evaluator.EvaluateRequirements(requirementsJson), out evaluation);
        total += await ReportAsync(output, "requirements", elapsed, evaluation, requirements.Evaluation).ConfigureAwait(false);

        var designRequest = request with { Phase = SpecPhase.Design, Explore = explore.Output, Requirements = requirements.Output };
        (var designJson, elapsed) = await TimeAsync(() => planner.GenerateAsync(designRequest, CancellationToken.None)).ConfigureAwait(false);
        var design = Evaluate(() => evaluator.EvaluateDesign(designJson, requirements.Output), out evaluation);
        total += await ReportAsync(output, "design", elapsed, evaluation, design.Evaluation).ConfigureAwait(false);

        (var tasksJson, elapsed) = await TimeAsync(() => planner.GenerateAsync(designRequest with { Phase = SpecPhase.Tasks, Design = design.Output }, CancellationToken.None)).ConfigureAwait(false);
        var tasks = Evaluate(() => evaluator.EvaluateTasks(tasksJson, requirements.Output), out evaluation);
        total += await ReportAsync(output, "tasks", elapsed, evaluation, tasks.Evaluation).ConfigureAwait(false);
        return total;
    }

    private static async Task<(string Json, TimeSpan Elapsed)> TimeAsync(Func<Task<PlannerReply>> generate)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await generate().ConfigureAwait(false);
        return (reply.Json, Stopwatch.GetElapsedTime(started));
    }

    private static T Evaluate<T>(Func<T> evaluate, out TimeSpan elapsed)
    {
        var started = Stopwatch.GetTimestamp();
        var result = evaluate();
        elapsed = Stopwatch.GetElapsedTime(started);
        return result;
    }

    private static async Task<TimeSpan> ReportAsync(TextWriter output, string phase, TimeSpan planning, TimeSpan evaluating, PhaseEvaluation evaluation)
    {
        var verdict = evaluation.Passed ? "passed" : "FAILED";
        await output.WriteLineAsync(Invariant($"    {phase,-13} {planning.TotalMilliseconds,9:F1} ms  + evaluation {evaluating.TotalMilliseconds,7:F1} ms  score {evaluation.Score:F2} {verdict}")).ConfigureAwait(false);
        return planning + evaluating;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
