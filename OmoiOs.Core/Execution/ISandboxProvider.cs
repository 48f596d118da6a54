namespace OmoiOs.Core.Execution;

/// <summary>Creates isolated places to run a task's commands: a local bubblewrap jail or a remote Daytona sandbox.</summary>
public interface ISandboxProvider
{
    /// <summary>The provider's configuration name (<c>local</c>, <c>daytona</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Creates a sandbox holding <see cref="SandboxRequest.WorkspacePath"/>. Throws
    /// <see cref="Errors.SandboxUnavailableException"/> when the sandbox cannot be made; never leaves a remote sandbox behind.
    /// </summary>
    Task<ISandbox> CreateAsync(SandboxRequest request, CancellationToken cancellationToken);
}
