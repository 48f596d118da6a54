namespace OmoiOs.Core.Errors;

/// <summary>A git operation on a task's workspace or the user's repository failed (an infrastructure failure, not the agent's).</summary>
public sealed class WorkspaceFailedException(string repository, string operation, string detail)
    : OmoiException($"Workspace operation '{operation}' on '{repository}' failed: {detail}")
{
    public string Repository { get; } = repository;

    public string Operation { get; } = operation;

    public string Detail { get; } = detail;
}
