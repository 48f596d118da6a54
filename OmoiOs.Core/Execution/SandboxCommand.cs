namespace OmoiOs.Core.Execution;

/// <summary>One shell command run inside a sandbox, from the workspace directory.</summary>
public sealed record SandboxCommand
{
    public SandboxCommand(string script, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Script = script;
        Timeout = timeout;
    }

    /// <summary>A POSIX shell script, run as <c>/bin/sh -c script</c>.</summary>
    public string Script { get; }

    /// <summary>Wall-clock limit; when it passes the command's whole process tree is killed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Lets this one command reach the network even when the sandbox does not (the setup step, when the operator permits
    /// it). Honoured by the local sandbox; a Daytona sandbox's network is set for the whole sandbox when it is created.
    /// </summary>
    public bool AllowNetwork { get; init; }

    /// <summary>Variables for this command on top of the sandbox's own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
