using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Infrastructure.DependencyInjection;

namespace OmoiOs.Tests.Deployment;

/// <summary>
/// What the Functions host checks at start, over settings as app settings name them: the options validation
/// (<c>ValidateOnStart</c>) of everything <c>AddOmoiInfrastructure</c> registers. Throws as the host would.
/// </summary>
internal static class FunctionsHostStartup
{
    public static void ValidateOptions(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddOmoiInfrastructure(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>Settings as the environment-variable provider reads them: <c>__</c> becomes the <c>:</c> separator.</summary>
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
}
