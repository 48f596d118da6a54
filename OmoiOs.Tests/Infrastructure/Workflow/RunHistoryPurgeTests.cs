using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Workflow;

namespace OmoiOs.Tests.Infrastructure.Workflow;

/// <summary>The retention setting; the purge on the real engine is <c>TaskHubWorkerHostTests.PurgeFinishedAsync_…</c>.</summary>
public sealed class RunHistoryPurgeTests
{
    [Theory]
    [InlineData("00:01:00")]
    [InlineData("-1.00:00:00")]
    public void Options_RetentionUnderTenMinutes_FailsNamingTheSetting(string retention)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OMOI_RUN_HISTORY_RETENTION"] = retention }).Build();
        using var services = new ServiceCollection().AddLogging().AddOmoiInfrastructure(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RunHistoryOptions>>().Value);

        Assert.Contains("OMOI_RUN_HISTORY_RETENTION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RetentionGiven_IsRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OMOI_RUN_HISTORY_RETENTION"] = "2.00:00:00" }).Build();
        using var services = new ServiceCollection().AddLogging().AddOmoiInfrastructure(configuration).BuildServiceProvider();

        Assert.Equal(TimeSpan.FromDays(2), services.GetRequiredService<IOptions<RunHistoryOptions>>().Value.Retention);
    }
}
