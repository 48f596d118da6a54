namespace OmoiOs.Core.Execution.Agents;

/// <summary>
/// One agent the operator allows: a name a spec may choose, the command template run in the sandbox (see
/// <see cref="AgentCommandTemplate"/>) and the format its usage is read from. Only the host's settings define these;
/// a request only ever names one.
/// </summary>
public sealed record AgentDefinition(string Name, string CommandTemplate, AgentOutputFormat OutputFormat);
