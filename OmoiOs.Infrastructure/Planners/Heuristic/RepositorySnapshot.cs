using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>What a bounded scan read from a repository: its files (paths relative, '/'-separated, sorted), a few manifests' text and git state.</summary>
public sealed record RepositorySnapshot
{
    /// <summary>The repository directory's own name.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<ScannedFile> Files { get; init; } = [];

    /// <summary>Text of the manifests that name the build and test commands (package.json, Makefile, *.csproj…).</summary>
    public IReadOnlyList<ManifestFile> Manifests { get; init; } = [];

    public GitState Git { get; init; } = new();

    public ScanStats Stats { get; init; } = new();
}

/// <summary>A text file the scan read: its path relative to the repository root, its size and line count.</summary>
public sealed record ScannedFile(string Path, long Bytes, long Lines)
{
    /// <summary>For a code file, the names it defines (<see cref="CodeDefinitions"/>).</summary>
    public IReadOnlyList<string> Definitions { get; init; } = [];
}

public sealed record ManifestFile(string Path, string Content);
