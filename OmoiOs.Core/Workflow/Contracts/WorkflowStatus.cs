using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Workflow.Contracts;

/// <summary>The orchestration's custom status: small, stable JSON the Durable Functions Monitor shows.</summary>
public sealed record WorkflowStatus(SpecPhase Phase, int Progress, TaskCounts Tasks);

public sealed record TaskCounts(int Pending, int Running, int Completed, int Failed, int Blocked)
{
    public static TaskCounts None { get; } = new(0, 0, 0, 0, 0);
}
