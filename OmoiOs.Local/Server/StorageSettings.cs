namespace OmoiOs.Local.Server;

/// <summary>Whether the configured storage is the local emulator, which the local host starts itself.</summary>
internal static class StorageSettings
{
    public static bool UsesDevelopmentStorage(IConfiguration configuration)
    {
        var connection = configuration["OMOI_STORAGE"] ?? configuration["AzureWebJobsStorage"];
        return string.IsNullOrWhiteSpace(configuration["OMOI_STORAGE_TABLE_URI"])
            && (string.IsNullOrWhiteSpace(connection) || connection.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));
    }
}
