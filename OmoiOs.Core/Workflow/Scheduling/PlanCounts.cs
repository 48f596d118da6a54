namespace OmoiOs.Core.Workflow.Scheduling;

/// <summary>How many tasks of a plan are in each state; <see cref="Pending"/> counts waiting and ready tasks.</summary>
public readonly record struct PlanCounts(int Pending, int Running, int Completed, int Failed, int Blocked)
{
    public int Total => Pending + Running + Completed + Failed + Blocked;
}
