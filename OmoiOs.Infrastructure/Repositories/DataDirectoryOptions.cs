using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>Where OmoiOs keeps clones of remote repositories on this machine.</summary>
public sealed class DataDirectoryOptions
{
    /// <summary>Empty means a directory under the system temp path.</summary>
    [ConfigurationKeyName("OMOI_DATA_DIR")]
    public string DataDirectory { get; set; } = "";

    public string ResolvedDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory) ? Path.Combine(Path.GetTempPath(), "omoi") : Path.GetFullPath(DataDirectory);
}
