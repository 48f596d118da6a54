namespace OmoiOs.Core.Planning.Review;

/// <summary>
/// How far a reviewer can rely on a phase's output: a draft may still change (planning has not finished, or its
/// gate waits for approval); <see cref="Changes"/> is what a draft's re-plan changed against the output it replaced.
/// </summary>
public sealed record PlanReview(bool Draft, PlanChanges? Changes)
{
    public static PlanReview Final { get; } = new(false, null);
}
