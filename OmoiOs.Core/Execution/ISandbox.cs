namespace OmoiOs.Core.Execution;

/// <summary>
/// One live sandbox around one task workspace. Commands run with the workspace as their working directory;
/// disposing destroys the sandbox (always, also after a failure or cancellation).
/// </summary>
public interface ISandbox : IAsyncDisposable
{
    /// <summary>The provider's id for this sandbox (recorded on the task).</summary>
    string Id { get; }

    /// <summary>The workspace's path as commands inside the sandbox see it.</summary>
    string WorkspacePath { get; }

    /// <summary>Runs one command to completion, within its timeout and the sandbox's limits. Limits hit are reported, not thrown.</summary>
    Task<SandboxCommandResult> RunAsync(SandboxCommand command, CancellationToken cancellationToken);

    /// <summary>Writes a file at a workspace-relative path inside the sandbox.</summary>
    Task WriteFileAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Reads a workspace-relative file out of the sandbox; null when it does not exist.</summary>
    Task<byte[]?> ReadFileAsync(string relativePath, CancellationToken cancellationToken);
}
