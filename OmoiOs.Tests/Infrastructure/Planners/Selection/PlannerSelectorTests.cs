using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.Anthropic;
using OmoiOs.Infrastructure.Planners.OpenAi;

namespace OmoiOs.Tests.Infrastructure.Planners.Selection;

public sealed class PlannerSelectorTests
{
    [Fact]
    public void Resolve_NoName_ReturnsTheConfiguredDefault()
    {
        using var host = CreateHost();

        var planner = host.GetRequiredService<IPlannerSelector>().Resolve(null);

        Assert.Equal(PlannerNames.OpenAi, planner.Name);
    }

    [Fact]
    public void Resolve_SpecNamesAnotherConfiguredPlanner_ReturnsThatOne()
    {
        using var host = CreateHost();

        var planner = host.GetRequiredService<IPlannerSelector>().Resolve(" anthropic ");

        Assert.Equal(PlannerNames.Anthropic, planner.Name);
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsValidationFailedNamingPlanner()
    {
        using var host = CreateHost();

        var error = Assert.Throws<ValidationFailedException>(() => host.GetRequiredService<IPlannerSelector>().Resolve("gpt-9"));

        Assert.Equal(["planner"], error.Errors.Keys);
        Assert.Contains("Unknown planner 'gpt-9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KnownButUnconfiguredPlanner_ThrowsValidationFailedSayingSo()
    {
        using var host = CreateHost();

        var error = Assert.Throws<ValidationFailedException>(() => host.GetRequiredService<IPlannerSelector>().Resolve(PlannerNames.AzureOpenAi));

        Assert.Equal(["planner"], error.Errors.Keys);
        Assert.Contains("not configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HeuristicRegisteredByItsArea_ReturnsIt()
    {
        var services = new ServiceCollection().AddLogging().AddPlanners(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddKeyedSingleton<IPlanner>(PlannerNames.Heuristic, new NamedPlanner(PlannerNames.Heuristic));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(PlannerNames.Heuristic, provider.GetRequiredService<IPlannerSelector>().Resolve(null).Name);
    }

    private static ServiceProvider CreateHost() => PlannerTestHost.Build(new Dictionary<string, string?>
    {
        [PlannerOptions.PlannerKey] = PlannerNames.OpenAi,
        [OpenAiPlannerOptions.ModelKey] = "gpt-4o",
        [OpenAiPlannerOptions.ApiKeyKey] = "sk-test",
        [AnthropicPlannerOptions.ModelKey] = "claude-sonnet-4-5",
        [AnthropicPlannerOptions.ApiKeyKey] = "ant-key",
    });

    /// <summary>Stands in for the heuristic planner, which another area provides; only its name matters here.</summary>
    private sealed class NamedPlanner(string name) : IPlanner
    {
        public string Name { get; } = name;

        public Task<PlannerReply> GenerateAsync(PhaseRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Selection tests never generate.");
    }
}
