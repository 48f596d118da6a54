using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Infrastructure.LocalDev;
using OmoiOs.Infrastructure.Repositories;

namespace OmoiOs.Local.Server;

/// <summary>Whether the configured storage is the local emulator, and the per-user Azurite the local hosts share for it.</summary>
internal static class StorageSettings
{
    public static bool UsesDevelopmentStorage(IConfiguration configuration)
    {
        var connection = configuration["OMOI_STORAGE"] ?? configuration["AzureWebJobsStorage"];
        return string.IsNullOrWhiteSpace(configuration["OMOI_STORAGE_TABLE_URI"])
            && (string.IsNullOrWhiteSpace(connection) || connection.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The user's Azurite: data in the data home's <c>azurite</c> folder, on the development storage ports.</summary>
    public static AzuriteSettings Azurite(IConfiguration configuration) =>
        new((configuration.Get<DataDirectoryOptions>() ?? new DataDirectoryOptions()).Folder(DataDirectoryOptions.AzuriteFolder));

    /// <summary>
    /// Starts the user's Azurite when the storage is the emulator and nothing answers yet. It is left running when the
    /// command ends (no exit can cost a write it acknowledged); <c>omoi storage stop</c> ends it.
    /// </summary>
    public static async Task EnsureAzuriteAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!UsesDevelopmentStorage(configuration))
        {
            return;
        }

        var status = await new AzuriteLauncher(NullLogger<AzuriteLauncher>.Instance).EnsureRunningAsync(Azurite(configuration), AppContext.BaseDirectory, cancellationToken);
        if (status.Started)
        {
            Console.Error.WriteLine($"omoi: {status.Describe()}");
        }
    }
}
