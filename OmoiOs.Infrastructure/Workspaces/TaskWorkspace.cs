namespace OmoiOs.Infrastructure.Workspaces;

/// <summary>A task's workspace: a self-contained clone of the user's repository on the task branch, cut from the spec branch at <see cref="BaseCommit"/>.</summary>
public sealed record TaskWorkspace(string Path, string Repository, string SpecBranch, string TaskBranch, string BaseCommit, bool QuotaMounted);
