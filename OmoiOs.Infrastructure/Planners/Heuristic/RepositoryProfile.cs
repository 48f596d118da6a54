using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>The facts the heuristic phases need about a repository, derived from a <see cref="RepositorySnapshot"/> with no I/O.</summary>
public sealed record RepositoryProfile
{
    public required string Name { get; init; }

    /// <summary>Languages by lines, most first.</summary>
    public IReadOnlyList<LanguageStat> Languages { get; init; } = [];

    /// <summary>The code language with the most lines; null for a repository without code.</summary>
    public string? PrimaryLanguage { get; init; }

    public IReadOnlyList<string> BuildSystems { get; init; } = [];

    public IReadOnlyList<string> Frameworks { get; init; } = [];

    public string? TestCommand { get; init; }

    public string ProjectType { get; init; } = "";

    public IReadOnlyList<PathPurpose> KeyFiles { get; init; } = [];

    public IReadOnlyList<PathPurpose> Structure { get; init; } = [];

    /// <summary>Per code language: where its sources live, how its files and tests are named.</summary>
    public IReadOnlyList<LanguageConvention> Conventions { get; init; } = [];

    /// <summary>Code files that are not tests.</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    public IReadOnlyList<string> TestFiles { get; init; } = [];

    /// <summary>For each name a source file defines, the source files defining it (a declaration file only when it describes no code here).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Definers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every scanned path, for "does this file exist" and "does the spec name this file" questions.</summary>
    public IReadOnlySet<string> AllFiles { get; init; } = new HashSet<string>();

    /// <summary>The same files with their layout facts (folders, tests and their naming), for placing new files.</summary>
    public RepositoryTree Tree { get; init; } = new([]);

    public string? Readme { get; init; }

    /// <summary>Make targets, npm scripts and similar entry commands, for the conventions' patterns.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];
}

public enum NamingStyle
{
    SnakeCase,
    KebabCase,
    PascalCase,
    CamelCase,
}

/// <summary>How one language's files are laid out in the repository.</summary>
public sealed record LanguageConvention
{
    public required string Language { get; init; }

    /// <summary>The extension new files get (<c>.py</c>).</summary>
    public required string Extension { get; init; }

    /// <summary>The directory holding most of the language's sources ("" for the root).</summary>
    public required string SourceRoot { get; init; }

    public required NamingStyle Naming { get; init; }

    /// <summary>The directory holding most of its tests; null when tests sit next to the sources or there are none.</summary>
    public string? TestRoot { get; init; }

    public required TestNaming TestNaming { get; init; }

    /// <summary>Whether test files mirror the source folders below the test root.</summary>
    public bool TestsMirrorSources { get; init; }

    public int TestFileCount { get; init; }
}
