namespace OmoiOs.Core.Execution;

/// <summary>What a sandbox is made around: a host workspace directory, its network policy and the environment every command gets.</summary>
public sealed record SandboxRequest
{
    /// <summary>A name for logs and remote labels, e.g. the task id.</summary>
    public required string Name { get; init; }

    /// <summary>The host directory holding the task's workspace (a self-contained git clone).</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>Whether commands may reach the network; off unless the spec allows it.</summary>
    public bool AllowNetwork { get; init; }

    /// <summary>Variables every command sees; nothing else of the host's environment reaches the sandbox.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
