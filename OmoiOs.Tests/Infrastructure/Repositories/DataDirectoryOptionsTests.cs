using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Repositories;

namespace OmoiOs.Tests.Infrastructure.Repositories;

public sealed class DataDirectoryOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ResolvedDataDirectory_UnsetOrBlank_IsUnderTheTempPath(string? value)
    {
        var options = Bind(value);

        Assert.Equal(Path.Combine(Path.GetTempPath(), "omoi"), options.ResolvedDataDirectory());
    }

    [Fact]
    public void ResolvedDataDirectory_RelativePath_IsMadeAbsolute()
    {
        var options = Bind("data/omoi");

        Assert.Equal(Path.GetFullPath("data/omoi"), options.ResolvedDataDirectory());
    }

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
