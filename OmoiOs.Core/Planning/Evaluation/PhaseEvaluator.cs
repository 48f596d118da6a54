using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// The one entry point for scoring a planner's raw reply: parse it into the phase's output record, then apply the
/// phase's rules. Output that cannot be read yields a failed evaluation whose feedback names the problems; it never throws.
/// </summary>
public sealed class PhaseEvaluator
{
    public const string OutputParsesCheck = "output_parses";

    private readonly ExploreEvaluator _explore = new();
    private readonly RequirementsEvaluator _requirements = new();
    private readonly DesignEvaluator _design = new();
    private readonly TasksEvaluator _tasks = new();
    private readonly SyncEvaluator _sync = new();

    /// <summary>Scores the output of a planning phase (EXPLORE to SYNC); the output is typed by the phase.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phase"/> produces no planner output.</exception>
    public PhaseOutcome<object> Evaluate(SpecPhase phase, string? json, PriorOutputs? prior = null) => phase switch
    {
        SpecPhase.Explore => Widen(Evaluate(phase, json, prior, _explore)),
        SpecPhase.Requirements => Widen(Evaluate(phase, json, prior, _requirements)),
        SpecPhase.Design => Widen(Evaluate(phase, json, prior, _design)),
        SpecPhase.Tasks => Widen(Evaluate(phase, json, prior, _tasks)),
        SpecPhase.Sync => Widen(Evaluate(phase, json, prior, _sync)),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "only the planning phases have outputs to evaluate"),
    };

    public PhaseOutcome<ExploreOutput> EvaluateExplore(string? json) => Evaluate(SpecPhase.Explore, json, null, _explore);

    public PhaseOutcome<RequirementsOutput> EvaluateRequirements(string? json) => Evaluate(SpecPhase.Requirements, json, null, _requirements);

    /// <param name="requirements">Needed to check that every requirement is served; without it that check is left out.</param>
    public PhaseOutcome<DesignOutput> EvaluateDesign(string? json, RequirementsOutput? requirements) =>
        Evaluate(SpecPhase.Design, json, new PriorOutputs { Requirements = requirements }, _design);

    /// <param name="requirements">Needed to check that every requirement is covered; without it those checks are left out.</param>
    public PhaseOutcome<TasksOutput> EvaluateTasks(string? json, RequirementsOutput? requirements) =>
        Evaluate(SpecPhase.Tasks, json, new PriorOutputs { Requirements = requirements }, _tasks);

    public PhaseOutcome<SyncOutput> EvaluateSync(string? json, TasksOutput? tasks) =>
        Evaluate(SpecPhase.Sync, json, new PriorOutputs { Tasks = tasks }, _sync);

    private static PhaseOutcome<TOutput> Evaluate<TOutput>(SpecPhase phase, string? json, PriorOutputs? prior, IPhaseOutputEvaluator<TOutput> evaluator)
        where TOutput : class
    {
        var parsed = PhaseOutputParser.Parse<TOutput>(json);
        if (!parsed.Succeeded)
        {
            var detail = CheckList.List(parsed.Problems.Select(p => p.ToString()).ToList());
            return new PhaseOutcome<TOutput>(null, new PhaseEvaluation(phase, 0, [new EvaluationCheck(OutputParsesCheck, true, 1, false, detail)]));
        }

        return new PhaseOutcome<TOutput>(parsed.Value, evaluator.Evaluate(parsed.Value, prior ?? PriorOutputs.None));
    }

    private static PhaseOutcome<object> Widen<TOutput>(PhaseOutcome<TOutput> outcome)
        where TOutput : class => new(outcome.Output, outcome.Evaluation);
}
