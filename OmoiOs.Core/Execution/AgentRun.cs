using OmoiOs.Core.Execution.Usage;

namespace OmoiOs.Core.Execution;

/// <summary>One agent invocation: the command line it ran, how it ended, and what it reported spending.</summary>
public sealed record AgentRun(string Command, SandboxCommandResult Result, AgentUsage Usage);
