namespace OmoiOs.Core.Execution;

/// <summary>Turns a task into a prompt file and an agent command, and runs that command in the task's sandbox.</summary>
public interface IAgentRunner
{
    Task<AgentRun> RunAsync(ISandbox sandbox, TaskRunRequest request, CancellationToken cancellationToken);
}
