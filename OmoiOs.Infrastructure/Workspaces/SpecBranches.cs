using System.Collections.Concurrent;

namespace OmoiOs.Infrastructure.Workspaces;

/// <summary>
/// The spec and task branches in the user's repository, changed only through refs and the object database
/// (<c>update-ref</c>, <c>fetch</c> into a non-checked-out ref, <c>merge-tree</c>, <c>commit-tree</c>): the user's working tree,
/// index, HEAD and current branch are never touched. Merges into one repository are serialized, and every ref update is a
/// compare-and-swap, so another process moving the spec branch is detected rather than overwritten.
/// </summary>
public static class SpecBranches
{
    private const string NoCommit = "0000000000000000000000000000000000000000";
    private const int MergeAttempts = 5;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> RepositoryLocks = new(StringComparer.Ordinal);

    /// <summary>Creates the spec branch at the repository's HEAD unless it exists; returns its tip.</summary>
    public static async Task<string> EnsureSpecBranchAsync(string repository, string specBranch, CancellationToken cancellationToken)
    {
        var reference = "refs/heads/" + specBranch;
        if (await Git.ResolveAsync(repository, reference, cancellationToken).ConfigureAwait(false) is { } tip)
        {
            return tip;
        }

        var head = await Git.OutputAsync(repository, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false);

        // Create-only (old value all zeros): a concurrent creator wins and we read its value.
        await Git.RunAsync(repository, ["update-ref", "-m", "omoi: spec branch", reference, head, NoCommit], cancellationToken, 128).ConfigureAwait(false);
        return await Git.ResolveAsync(repository, reference, cancellationToken).ConfigureAwait(false) ?? head;
    }

    /// <summary>Stores a task's commits (a git bundle made in the sandbox) as the task branch; returns the branch's tip.</summary>
    public static async Task<string> ImportTaskBranchAsync(string repository, string taskBranch, byte[] bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var file = Path.Combine(Path.GetTempPath(), $"omoi-{Guid.NewGuid():N}.bundle");
        await File.WriteAllBytesAsync(file, bundle, cancellationToken).ConfigureAwait(false);
        try
        {
            await Git.RunAsync(repository, ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", file, $"+HEAD:refs/heads/{taskBranch}"], cancellationToken).ConfigureAwait(false);
            return await Git.OutputAsync(repository, ["rev-parse", "refs/heads/" + taskBranch], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Task<string> DiffStatAsync(string repository, string baseCommit, string commit, CancellationToken cancellationToken) =>
        Git.OutputAsync(repository, ["diff", "--stat", baseCommit, commit], cancellationToken);

    /// <summary>
    /// The merge commit that brought the task branch into the spec branch, or null when it is not merged. A task branch
    /// deleted after its merge is found by the merge commit's subject, which ends with the branch's name.
    /// </summary>
    public static async Task<string?> FindMergeAsync(string repository, string specBranch, string taskBranch, CancellationToken cancellationToken)
    {
        if (await Git.ResolveAsync(repository, "refs/heads/" + specBranch, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var task = await Git.ResolveAsync(repository, "refs/heads/" + taskBranch, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            var subjects = await Git.OutputAsync(repository, ["log", "--merges", "--format=%H %s", "refs/heads/" + specBranch], cancellationToken).ConfigureAwait(false);
            return subjects.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(line => line.EndsWith(MergeSubjectEnd(taskBranch), StringComparison.Ordinal))
                .Select(line => line[..line.IndexOf(' ', StringComparison.Ordinal)])
                .FirstOrDefault();
        }

        var ancestor = await Git.RunAsync(repository, ["merge-base", "--is-ancestor", task, "refs/heads/" + specBranch], cancellationToken, 1).ConfigureAwait(false);
        if (ancestor.ExitCode != 0)
        {
            return null;
        }

        var merges = await Git.OutputAsync(repository, ["log", "--merges", "--format=%H %P", "refs/heads/" + specBranch], cancellationToken).ConfigureAwait(false);
        return merges.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .FirstOrDefault(fields => fields.Skip(1).Contains(task))?[0] ?? task;
    }

    /// <summary>The subject of a task's merge commit; it ends with the task branch's name, which finds the merge later.</summary>
    public static string MergeSubject(string taskKey, string taskTitle, string taskBranch) =>
        $"Merge {taskKey}: {string.Join(' ', taskTitle.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))}{MergeSubjectEnd(taskBranch)}";

    /// <summary>Deletes a merged task branch, unless it has moved since (another attempt wrote it).</summary>
    public static async Task<bool> DeleteTaskBranchAsync(string repository, string taskBranch, string expectedCommit, CancellationToken cancellationToken)
    {
        var deleted = await Git.RunAsync(repository, ["update-ref", "-d", "refs/heads/" + taskBranch, expectedCommit], cancellationToken, 1).ConfigureAwait(false);
        return deleted.ExitCode == 0;
    }

    private static string MergeSubjectEnd(string taskBranch) => $" ({taskBranch})";

    /// <summary>Merges the task branch into the spec branch without a working tree.</summary>
    public static async Task<MergeOutcome> MergeAsync(string repository, string specBranch, string taskBranch, string message, CancellationToken cancellationToken)
    {
        var gate = RepositoryLocks.GetOrAdd(Path.GetFullPath(repository), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < MergeAttempts; attempt++)
            {
                var spec = await Git.OutputAsync(repository, ["rev-parse", "refs/heads/" + specBranch], cancellationToken).ConfigureAwait(false);
                var task = await Git.OutputAsync(repository, ["rev-parse", "refs/heads/" + taskBranch], cancellationToken).ConfigureAwait(false);
                var tree = await Git.RunAsync(repository, ["merge-tree", "--write-tree", "--name-only", "--no-messages", spec, task], cancellationToken, 1).ConfigureAwait(false);
                if (tree.ExitCode == 1)
                {
                    var files = tree.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                    return MergeOutcome.Conflict(files);
                }

                var treeId = tree.Output.Split('\n')[0].Trim();
                var commit = await Git.OutputAsync(repository, ["commit-tree", treeId, "-p", spec, "-p", task, "-m", message], cancellationToken).ConfigureAwait(false);
                var update = await Git.RunAsync(repository, ["update-ref", "-m", "omoi: " + message, "refs/heads/" + specBranch, commit, spec], cancellationToken, 128).ConfigureAwait(false);
                if (update.ExitCode == 0)
                {
                    return MergeOutcome.Merged(commit);
                }
            }

            return MergeOutcome.Conflict([], $"the spec branch '{specBranch}' kept moving under another writer ({MergeAttempts} attempts)");
        }
        finally
        {
            gate.Release();
        }
    }
}
