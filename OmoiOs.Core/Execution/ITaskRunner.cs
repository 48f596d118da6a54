namespace OmoiOs.Core.Execution;

/// <summary>Runs one attempt of a task: sandbox, agent, checks, merge. Safe to call again for the same attempt after a crash.</summary>
public interface ITaskRunner
{
    Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken);
}
