using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Tests.Infrastructure.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    private const string AccountConnection = "DefaultEndpointsProtocol=https;AccountName=stomoi;EndpointSuffix=core.windows.net";

    [Fact]
    public void AddTableStorage_IdentityBasedHostStorage_BindsWithoutAConnectionString()
    {
        // In Azure AzureWebJobsStorage is a section (AzureWebJobsStorage__credential, __clientId, ...), not a value.
        var options = Resolve(new()
        {
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "6b0d3f58-52a4-4a55-9f6f-6f4f7c0d2a11",
            ["OMOI_STORAGE_TABLE_URI"] = "https://stomoi.table.core.windows.net/",
        });

        Assert.Null(options.WebJobsStorage);
        Assert.Equal(new Uri("https://stomoi.table.core.windows.net/"), options.TableServiceUri);
    }

    [Fact]
    public void AddTableStorage_HostConnectionStringOnly_IsTheFallback()
    {
        var options = Resolve(new() { ["AzureWebJobsStorage"] = AccountConnection });

        Assert.Equal(AccountConnection, options.EffectiveConnectionString);
    }

    [Fact]
    public void AddTableStorage_OwnConnectionString_WinsOverTheHosts()
    {
        var options = Resolve(new() { ["AzureWebJobsStorage"] = AccountConnection, ["OMOI_STORAGE"] = StorageOptions.DevelopmentStorage });

        Assert.Equal(StorageOptions.DevelopmentStorage, options.EffectiveConnectionString);
    }

    [Fact]
    public void AddTableStorage_BlankTableUri_MeansConnectionString()
    {
        var options = Resolve(new() { ["OMOI_STORAGE_TABLE_URI"] = "", ["OMOI_STORAGE_CLIENT_ID"] = "" });

        Assert.Null(options.TableServiceUri);
        Assert.Equal(StorageOptions.DevelopmentStorage, options.EffectiveConnectionString);
    }

    private static StorageOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddTableStorage(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StorageOptions>>().Value;
    }
}
