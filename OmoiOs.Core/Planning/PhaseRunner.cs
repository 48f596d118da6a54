using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;

namespace OmoiOs.Core.Planning;

/// <summary>
/// One attempt of one planning phase, usable directly or from the workflow's activity: ask the spec's planner,
/// score the reply with the phase's evaluator, and keep the output when it passes.
/// </summary>
public sealed class PhaseRunner(IPlannerSelector planners, ILargeTextStore texts, IRepositoryLocator repositories, PhaseEvaluator evaluator)
{
    public const string PlannerCallCheck = "planner_call";

    public async Task<PhaseRun> RunAsync(Spec spec, SpecPhase phase, int attempt, string? feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var prior = await LoadPriorAsync(spec.Id, phase, cancellationToken).ConfigureAwait(false) with { SpecText = $"{spec.Title}\n{spec.Description}" };
        var request = new PhaseRequest
        {
            Phase = phase,
            SpecId = spec.Id,
            Title = spec.Title,
            Description = spec.Description,
            RepositoryPath = await repositories.GetLocalPathAsync(spec.Repository, cancellationToken).ConfigureAwait(false),
            Explore = prior.Explore,
            Requirements = prior.Requirements,
            Design = prior.Design,
            Tasks = prior.Tasks,
            Feedback = feedback,
            Attempt = attempt,
        };

        var planner = planners.Resolve(spec.Options.Planner);
        PlannerReply reply;
        try
        {
            reply = await planner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is PlannerTimeoutException or PlannerCallFailedException)
        {
            // A planner that could not answer is a failed attempt with a reason, not a crash: the next attempt may succeed.
            var failed = new PhaseEvaluation(phase, 0, [new EvaluationCheck(PlannerCallCheck, true, 1, false, error.Message)]);
            return new PhaseRun(failed, PlannerUsage.None(planner.Name), null);
        }

        var outcome = evaluator.Evaluate(phase, reply.Json, prior);
        if (outcome.Evaluation.Passed && outcome.Output is { } output)
        {
            var json = JsonSerializer.Serialize(output, output.GetType(), PlanningJsonContext.Default);
            var current = await texts.ReadAsync(spec.Id, PhaseOutputKeys.For(phase), cancellationToken).ConfigureAwait(false);
            if (current is not null)
            {
                await texts.WriteAsync(spec.Id, PhaseOutputKeys.Replaced(phase), current, cancellationToken).ConfigureAwait(false);
            }

            await texts.WriteAsync(spec.Id, PhaseOutputKeys.For(phase), json, cancellationToken).ConfigureAwait(false);
        }

        return new PhaseRun(outcome.Evaluation, reply.Usage, outcome.Output);
    }

    /// <summary>The accepted outputs of the phases before <paramref name="phase"/>.</summary>
    public async Task<PriorOutputs> LoadPriorAsync(string specId, SpecPhase phase, CancellationToken cancellationToken) => new()
    {
        Explore = phase > SpecPhase.Explore ? await LoadAsync<ExploreOutput>(specId, SpecPhase.Explore, cancellationToken).ConfigureAwait(false) : null,
        Requirements = phase > SpecPhase.Requirements ? await LoadAsync<RequirementsOutput>(specId, SpecPhase.Requirements, cancellationToken).ConfigureAwait(false) : null,
        Design = phase > SpecPhase.Design ? await LoadAsync<DesignOutput>(specId, SpecPhase.Design, cancellationToken).ConfigureAwait(false) : null,
        Tasks = phase > SpecPhase.Tasks ? await LoadAsync<TasksOutput>(specId, SpecPhase.Tasks, cancellationToken).ConfigureAwait(false) : null,
    };

    public Task<T?> LoadAsync<T>(string specId, SpecPhase phase, CancellationToken cancellationToken)
        where T : class => LoadTextAsync<T>(specId, PhaseOutputKeys.For(phase), cancellationToken);

    /// <summary>The accepted output that the current one replaced, if a later attempt replaced one.</summary>
    public Task<T?> LoadReplacedAsync<T>(string specId, SpecPhase phase, CancellationToken cancellationToken)
        where T : class => LoadTextAsync<T>(specId, PhaseOutputKeys.Replaced(phase), cancellationToken);

    private async Task<T?> LoadTextAsync<T>(string specId, string key, CancellationToken cancellationToken)
        where T : class
    {
        var json = await texts.ReadAsync(specId, key, cancellationToken).ConfigureAwait(false);
        return json is null ? null : (T?)JsonSerializer.Deserialize(json, typeof(T), PlanningJsonContext.Default);
    }
}

/// <summary>An attempt's evaluation, what the planner call cost, and the output when it could be read.</summary>
public sealed record PhaseRun(PhaseEvaluation Evaluation, PlannerUsage Usage, object? Output);
