using Microsoft.Extensions.Configuration;
using OmoiOs.Local.Server;

namespace OmoiOs.Tests.Local.Server;

public sealed class StorageSettingsTests
{
    [Fact]
    public void Azurite_DataDirectorySet_KeepsAzuritesFilesInItsAzuriteFolder()
    {
        var settings = StorageSettings.Azurite(Configuration(("OMOI_DATA_DIR", "/srv/omoi-data")));

        Assert.Equal("/srv/omoi-data/azurite", settings.Directory);
        Assert.Equal(10002, settings.TablePort);
    }

    [Fact]
    public void Azurite_NoDataDirectory_IsInTheUsersDataHomeNotTheCurrentDirectory()
    {
        var settings = StorageSettings.Azurite(Configuration());

        Assert.EndsWith(Path.Combine("omoi", "azurite"), settings.Directory, StringComparison.Ordinal);
        Assert.False(settings.Directory.StartsWith(Environment.CurrentDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.False(settings.Directory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net", false)]
    public void UsesDevelopmentStorage_ByConnection_IsTheEmulatorOnlyForDevelopmentStorage(string? connection, bool expected) =>
        Assert.Equal(expected, StorageSettings.UsesDevelopmentStorage(Configuration(("OMOI_STORAGE", connection))));

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
