namespace OmoiOs.Infrastructure.Workspaces;

/// <summary>A merge into the spec branch: the merge commit, or the files that conflicted.</summary>
public sealed record MergeOutcome(string? Commit, IReadOnlyList<string> ConflictedFiles, string? Reason)
{
    public bool Succeeded => Commit is not null;

    public static MergeOutcome Merged(string commit) => new(commit, [], null);

    public static MergeOutcome Conflict(IReadOnlyList<string> files, string? reason = null) => new(null, files, reason);
}
