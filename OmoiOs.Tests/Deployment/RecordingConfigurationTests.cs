namespace OmoiOs.Tests.Deployment;

public sealed class RecordingConfigurationTests
{
    [Fact]
    public void Indexer_RecordsKeysInAppSettingForm()
    {
        var configuration = new RecordingConfiguration(new Dictionary<string, string?> { ["OMOI_A"] = "1" });

        var present = configuration["OMOI_A"];
        var absent = configuration["AzureWebJobsStorage:clientId"];

        Assert.Equal("1", present);
        Assert.Null(absent);
        Assert.Equal(["AzureWebJobsStorage__clientId", "OMOI_A"], configuration.Requested.Order(StringComparer.Ordinal));
    }
}
