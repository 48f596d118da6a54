using Microsoft.Extensions.Configuration;
using OmoiOs.Core.Application;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>Where local repositories may lie (<see cref="RepositoryPolicy"/> applies the rule).</summary>
public sealed class RepositoryOptions
{
    /// <summary>Absolute directories, comma-separated; a spec's local repository must be one of them or lie inside one. Empty: only git URLs.</summary>
    [ConfigurationKeyName("OMOI_REPOSITORY_ROOTS")]
    public string Roots { get; set; } = "";

    public IReadOnlyList<string> RootList() => Roots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Adds a root (<c>omoi run</c> allows the repository it is given).</summary>
    public void Allow(string root) => Roots = string.Join(',', RootList().Append(Path.GetFullPath(root)));

    /// <summary>
    /// The policy over each root as written and with its symbolic links resolved: the first admits paths as clients write
    /// them, the second the same paths once the locator has resolved them.
    /// </summary>
    /// <exception cref="ValidationFailedException">On <c>OMOI_REPOSITORY_ROOTS</c> when a root is not absolute.</exception>
    public RepositoryPolicy Policy()
    {
        var relative = RootList().FirstOrDefault(root => !root.StartsWith('/'));
        return relative is null
            ? new(RootList().SelectMany(root => new[] { Path.GetFullPath(root), RealPath.Resolve(root) }))
            : throw new ValidationFailedException("OMOI_REPOSITORY_ROOTS", $"'{relative}' is not an absolute path.");
    }
}
