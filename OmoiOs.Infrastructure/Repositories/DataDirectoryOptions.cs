using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>
/// The per-user data home: the local Azurite's data, clones of remote repositories, task workspaces, exports and logs.
/// Never the current directory or a shared temp folder, so every <c>omoi</c> command of a user sees the same store.
/// </summary>
public sealed class DataDirectoryOptions
{
    public const string AzuriteFolder = "azurite";
    public const string RepositoriesFolder = "repos";
    public const string WorkspacesFolder = "workspaces";

    /// <summary>Empty means the XDG data home: <c>$XDG_DATA_HOME/omoi</c>, else <c>~/.local/share/omoi</c>.</summary>
    [ConfigurationKeyName("OMOI_DATA_DIR")]
    public string DataDirectory { get; set; } = "";

    public string ResolvedDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory(Environment.GetEnvironmentVariable) : Path.GetFullPath(DataDirectory);

    /// <summary>A folder of the data home, e.g. <see cref="AzuriteFolder"/>.</summary>
    public string Folder(string name) => Path.Combine(ResolvedDataDirectory(), name);

    /// <summary>The XDG Base Directory rule: <c>XDG_DATA_HOME</c> when it is an absolute path, else <c>$HOME/.local/share</c>.</summary>
    internal static string DefaultDataDirectory(Func<string, string?> environment)
    {
        if (environment("XDG_DATA_HOME") is { } xdg && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "omoi");
        }

        var home = environment("HOME") is { Length: > 0 } set ? set : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home)
            ? throw new InvalidOperationException("No home directory to keep OmoiOs's data in: set OMOI_DATA_DIR.")
            : Path.Combine(home, ".local", "share", "omoi");
    }
}
