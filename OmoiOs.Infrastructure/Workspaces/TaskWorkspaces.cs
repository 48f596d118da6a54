using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Sandboxes;

namespace OmoiOs.Infrastructure.Workspaces;

/// <summary>
/// Creates and removes task workspaces. A workspace is a local <c>git clone</c> of the user's repository (objects
/// hard-linked when on the same file system), so unlike a worktree its .git is inside it and the sandbox needs nothing else.
/// </summary>
public sealed class TaskWorkspaces
{
    /// <summary>Workspace-relative directory for OmoiOs's own files (prompt, agent script, bundle); excluded from commits.</summary>
    public const string ControlDirectory = ".omoi";

    private readonly SandboxOptions _options;
    private readonly WorkspaceVolume _volume;

    public TaskWorkspaces(IOptions<SandboxOptions> options, ILogger<TaskWorkspaces> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _volume = new WorkspaceVolume(logger);
    }

    /// <summary>Clones <paramref name="repository"/> at <paramref name="specBranch"/> into a fresh workspace on a new <paramref name="taskBranch"/>.</summary>
    public async Task<TaskWorkspace> CreateAsync(string repository, string specBranch, string taskBranch, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Path.Combine(_options.ResolvedWorkspaceRoot(), name);

        // A leftover of a crashed run of the same attempt: start clean.
        await _volume.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        var mounted = await _volume.CreateAsync(path, _options.DiskQuotaBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            // A local path clones by copying objects, hard-linked where the file system allows (explicit --local would
            // refuse to fall back to copying, as it must on a quota volume).
            string[] links = mounted ? ["--no-hardlinks"] : [];
            await Git.RunAsync(repository, ["clone", "--quiet", "--no-tags", .. links, "--branch", specBranch, "--", repository, path], cancellationToken).ConfigureAwait(false);
            await Git.RunAsync(path, ["checkout", "--quiet", "-b", taskBranch], cancellationToken).ConfigureAwait(false);
            await Git.RunAsync(path, ["remote", "remove", "origin"], cancellationToken).ConfigureAwait(false);
            await File.AppendAllTextAsync(Path.Combine(path, ".git", "info", "exclude"), $"\n/{ControlDirectory}/\n", cancellationToken).ConfigureAwait(false);
            var baseCommit = await Git.OutputAsync(path, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false);
            return new TaskWorkspace(path, repository, specBranch, taskBranch, baseCommit, mounted);
        }
        catch (Exception exception) when (exception is WorkspaceFailedException or IOException or OperationCanceledException)
        {
            await _volume.DeleteAsync(path, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes what a crashed run left under <paramref name="name"/> (the directory, unmounting its volume), if anything.</summary>
    public Task DeleteLeftoverAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _volume.DeleteAsync(Path.Combine(_options.ResolvedWorkspaceRoot(), name), cancellationToken);
    }

    public Task DeleteAsync(TaskWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return _volume.DeleteAsync(workspace.Path, cancellationToken);
    }
}
