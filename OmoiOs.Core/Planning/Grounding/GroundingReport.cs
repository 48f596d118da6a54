namespace OmoiOs.Core.Planning.Grounding;

/// <summary>Counts and problems of the grounding rules for one plan: each list names the paths or titles that break its rule.</summary>
public sealed record GroundingReport
{
    public int ModifiedFiles { get; init; }

    public IReadOnlyList<string> MissingModifiedFiles { get; init; } = [];

    public int NewFiles { get; init; }

    public IReadOnlyList<string> NewFilesOutsideLayout { get; init; } = [];

    public int SpecNamedFiles { get; init; }

    public IReadOnlyList<string> SpecNamedFilesIgnored { get; init; } = [];

    public int Titles { get; init; }

    public IReadOnlyList<string> CutTitles { get; init; } = [];
}
