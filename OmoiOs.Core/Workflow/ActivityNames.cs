namespace OmoiOs.Core.Workflow;

/// <summary>The activities <see cref="SpecWorkflow"/> calls; both engines register one handler per name.</summary>
public static class ActivityNames
{
    public const string StartPlanning = nameof(StartPlanning);
    public const string RunPhase = nameof(RunPhase);
    public const string RequestApproval = nameof(RequestApproval);
    public const string ResolveApproval = nameof(ResolveApproval);
    public const string Sync = nameof(Sync);
    public const string PrepareExecution = nameof(PrepareExecution);
    public const string RunTaskAttempt = nameof(RunTaskAttempt);
    public const string BlockTasks = nameof(BlockTasks);
    public const string CompleteSpec = nameof(CompleteSpec);
    public const string FailSpec = nameof(FailSpec);

    public static IReadOnlyList<string> All { get; } =
        [StartPlanning, RunPhase, RequestApproval, ResolveApproval, Sync, PrepareExecution, RunTaskAttempt, BlockTasks, CompleteSpec, FailSpec];
}
