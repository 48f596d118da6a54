using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>Where OmoiOs keeps clones of remote repositories on this machine.</summary>
public sealed class DataDirectoryOptions
{
    [ConfigurationKeyName("OMOI_DATA_DIR")]
    public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "omoi");
}
