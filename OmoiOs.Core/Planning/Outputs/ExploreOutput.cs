namespace OmoiOs.Core.Planning.Outputs;

/// <summary>EXPLORE: what the target repository is and what the feature is about.</summary>
public sealed record ExploreOutput
{
    public string CodebaseSummary { get; init; } = "";

    public string ProjectType { get; init; } = "";

    public IReadOnlyList<string> TechStack { get; init; } = [];

    public IReadOnlyList<LanguageStat> Languages { get; init; } = [];

    public IReadOnlyList<string> BuildSystems { get; init; } = [];

    /// <summary>The repository's test command, when one was detected.</summary>
    public string? TestCommand { get; init; }

    public IReadOnlyList<PathPurpose> Structure { get; init; } = [];

    public IReadOnlyList<PathPurpose> KeyFiles { get; init; } = [];

    public Conventions Conventions { get; init; } = new();

    public IReadOnlyList<string> TestLayout { get; init; } = [];

    public GitState Git { get; init; } = new();

    public ScanStats Scan { get; init; } = new();

    /// <summary>
    /// Every file the scan listed (paths relative to the repository root, '/'-separated): the later phases' evaluators
    /// check the plan's paths against it. The planner adapter fills it from its scan, never a model.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<string> DiscoveryQuestions { get; init; } = [];

    public FeatureSummary FeatureSummary { get; init; } = new();
}

public sealed record LanguageStat(string Name, int Files, long Lines);

public sealed record PathPurpose(string Path, string Purpose = "");

public sealed record Conventions
{
    public string Naming { get; init; } = "";

    public string Testing { get; init; } = "";

    public IReadOnlyList<string> Patterns { get; init; } = [];
}

public sealed record GitState
{
    public bool IsRepository { get; init; }

    public string? Branch { get; init; }

    public string? Head { get; init; }

    public bool Dirty { get; init; }
}

/// <summary>How far the scan went, so a bounded scan says that it was bounded.</summary>
public sealed record ScanStats
{
    public int FilesScanned { get; init; }

    public int FilesSkipped { get; init; }

    public bool Truncated { get; init; }

    public long ElapsedMs { get; init; }

    /// <summary>Directories left out whole: VCS, dependency and build output folders (.git, node_modules, bin, obj…).</summary>
    public int DirectoriesSkipped { get; init; }

    /// <summary>The first skipped paths with the reason (symbolic link, binary, too large, excluded directory); capped, so compare with the counts.</summary>
    public IReadOnlyList<SkippedPath> Skipped { get; init; } = [];
}

public sealed record SkippedPath(string Path, string Reason);

public sealed record FeatureSummary
{
    public string Name { get; init; } = "";

    public IReadOnlyList<string> ScopeIn { get; init; } = [];

    public IReadOnlyList<string> ScopeOut { get; init; } = [];

    public string ProblemStatement { get; init; } = "";
}
