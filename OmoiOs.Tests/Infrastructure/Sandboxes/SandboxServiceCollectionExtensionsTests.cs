using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Execution;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Sandboxes.Daytona;
using OmoiOs.Infrastructure.Sandboxes.Local;

namespace OmoiOs.Tests.Infrastructure.Sandboxes;

public sealed class SandboxServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSandboxes_Defaults_LocalProviderAndTaskRunner()
    {
        using var services = Build([]);

        Assert.IsType<LocalSandboxProvider>(services.GetRequiredService<ISandboxProvider>());
        Assert.IsType<ConcurrencyLimitedTaskRunner>(services.GetRequiredService<ITaskRunner>());
        Assert.NotNull(services.GetRequiredService<SandboxTaskRunner>());
        Assert.Equal("example", services.GetRequiredService<IOptions<OmoiOs.Infrastructure.Agents.AgentOptions>>().Value.Agent);
    }

    [Fact]
    public void AddSandboxes_Settings_BoundFromFlatKeys()
    {
        using var services = Build(new() { ["OMOI_SANDBOX_MAX_PROCESSES"] = "99", ["OMOI_CHECK_TIMEOUT"] = "00:02:00", ["OMOI_SANDBOX_ALLOW_NETWORK"] = "true" });

        var options = services.GetRequiredService<IOptions<SandboxOptions>>().Value;

        Assert.Equal(99, options.MaxProcesses);
        Assert.Equal(TimeSpan.FromMinutes(2), options.CheckTimeout);
        Assert.True(options.AllowNetwork);
    }

    [Fact]
    public void AddSandboxes_DaytonaWithoutKey_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["OMOI_SANDBOX"] = "daytona" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DaytonaOptions>>().Value);

        Assert.Contains("OMOI_DAYTONA_API_KEY", error.Message);
    }

    [Fact]
    public void AddSandboxes_UnknownProvider_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["OMOI_SANDBOX"] = "docker" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SandboxOptions>>().Value);

        Assert.Contains("OMOI_SANDBOX", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSandboxes(configuration).BuildServiceProvider();
    }
}
