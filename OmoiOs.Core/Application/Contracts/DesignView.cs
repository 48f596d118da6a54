using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Planning.Review;

namespace OmoiOs.Core.Application.Contracts;

/// <summary>
/// Answer of <c>GET /api/specs/{id}/design</c>: the design, whether it is a draft (planning has not finished or the
/// gate waits for approval), and what a re-plan changed against the design it replaced.
/// </summary>
public sealed record DesignView : DesignOutput
{
    public DesignView(DesignOutput design, PlanReview review)
        : base(design)
    {
        ArgumentNullException.ThrowIfNull(review);
        Draft = review.Draft;
        Changes = review.Changes;
    }

    public bool Draft { get; init; }

    public PlanChanges? Changes { get; init; }
}
