using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Repositories;

namespace OmoiOs.Tests.Infrastructure.Repositories;

public sealed class DataDirectoryOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ResolvedDataDirectory_UnsetOrBlank_IsTheUsersXdgDataHome(string? value)
    {
        var options = Bind(value);

        Assert.Equal(DataDirectoryOptions.DefaultDataDirectory(Environment.GetEnvironmentVariable), options.ResolvedDataDirectory());
        Assert.DoesNotContain(Path.GetTempPath(), options.ResolvedDataDirectory(), StringComparison.Ordinal);
        Assert.False(options.ResolvedDataDirectory().StartsWith(Environment.CurrentDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void ResolvedDataDirectory_RelativePath_IsMadeAbsolute()
    {
        var options = Bind("data/omoi");

        Assert.Equal(Path.GetFullPath("data/omoi"), options.ResolvedDataDirectory());
    }

    [Fact]
    public void DefaultDataDirectory_XdgDataHomeSet_IsOmoiUnderIt() =>
        Assert.Equal("/srv/me/data/omoi", DataDirectoryOptions.DefaultDataDirectory(Env(("XDG_DATA_HOME", "/srv/me/data"), ("HOME", "/home/me"))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/data")]
    public void DefaultDataDirectory_XdgDataHomeUnsetOrRelative_IsUnderHomeLocalShare(string? xdg) =>
        Assert.Equal("/home/me/.local/share/omoi", DataDirectoryOptions.DefaultDataDirectory(Env(("XDG_DATA_HOME", xdg), ("HOME", "/home/me"))));

    [Fact]
    public void Folder_Azurite_IsInsideTheDataHome() =>
        Assert.Equal(Path.GetFullPath("/data/omoi/azurite"), Bind("/data/omoi").Folder(DataDirectoryOptions.AzuriteFolder));

    private static Func<string, string?> Env(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static DataDirectoryOptions Bind(string? value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("OMOI_DATA_DIR", value)])
            .Build();
        var options = new DataDirectoryOptions();
        configuration.Bind(options);
        return options;
    }
}
