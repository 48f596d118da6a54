using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Workflow;

/// <summary>The spec's progress (0–100) at each point of the pipeline: planning is the first 40, execution the rest.</summary>
public static class PhaseProgress
{
    public const int PlanningShare = 40;

    public static int AtStartOf(SpecPhase phase) => phase switch
    {
        SpecPhase.Explore => 0,
        SpecPhase.Requirements => 8,
        SpecPhase.Design => 18,
        SpecPhase.Tasks => 28,
        SpecPhase.Sync => 36,
        SpecPhase.Execute => PlanningShare,
        _ => 100,
    };

    public static int DuringExecution(int finished, int total) =>
        total == 0 ? 100 : PlanningShare + ((100 - PlanningShare) * finished / total);
}
