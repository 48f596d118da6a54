namespace OmoiOs.Core.Planning;

/// <summary>
/// Produces a phase's output as JSON. Output is untrusted: the phase's evaluator parses and scores it,
/// so a planner may return anything, and a failed evaluation becomes the next attempt's feedback.
/// </summary>
public interface IPlanner
{
    /// <summary>The name selected by configuration (<c>heuristic</c>, <c>openai</c>, …).</summary>
    string Name { get; }

    Task<PlannerReply> GenerateAsync(PhaseRequest request, CancellationToken cancellationToken);
}
