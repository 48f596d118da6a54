using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.Anthropic;
using OmoiOs.Infrastructure.Planners.AzureOpenAi;
using OmoiOs.Infrastructure.Planners.OpenAi;

namespace OmoiOs.Tests.Infrastructure.Planners;

public sealed class PlannerServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(PlannerNames.OpenAi, OpenAiPlannerOptions.ModelKey)]
    [InlineData(PlannerNames.OpenAi, OpenAiPlannerOptions.ApiKeyKey)]
    [InlineData(PlannerNames.AzureOpenAi, AzureOpenAiPlannerOptions.EndpointKey)]
    [InlineData(PlannerNames.AzureOpenAi, AzureOpenAiPlannerOptions.DeploymentKey)]
    [InlineData(PlannerNames.Anthropic, AnthropicPlannerOptions.ModelKey)]
    [InlineData(PlannerNames.Anthropic, AnthropicPlannerOptions.ApiKeyKey)]
    public void AddPlanners_SelectedProviderMissingASetting_FailsAtStartNamingTheKey(string planner, string missingKey)
    {
        var settings = CompleteSettings();
        settings[PlannerOptions.PlannerKey] = planner;
        settings.Remove(missingKey);

        var error = Assert.Throws<OptionsValidationException>(() => PlannerTestHost.Build(settings));

        Assert.Contains(missingKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlanners_UnknownDefaultPlanner_FailsAtStartNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => PlannerTestHost.Build(new Dictionary<string, string?> { [PlannerOptions.PlannerKey] = "gpt" }));

        Assert.Contains(PlannerOptions.PlannerKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlanners_TotalTimeoutNotAboveAttemptTimeout_FailsAtStartNamingBothKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => PlannerTestHost.Build(new Dictionary<string, string?>
        {
            [PlannerOptions.AttemptTimeoutKey] = "00:01:00",
            [PlannerOptions.TotalTimeoutKey] = "00:00:30",
        }));

        Assert.Contains(PlannerOptions.TotalTimeoutKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(PlannerOptions.AttemptTimeoutKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlanners_EndpointNotAUrl_FailsAtStartNamingTheKey()
    {
        var settings = CompleteSettings();
        settings[PlannerOptions.PlannerKey] = PlannerNames.OpenAi;
        settings[OpenAiPlannerOptions.EndpointKey] = "localhost:11434";

        var error = Assert.Throws<OptionsValidationException>(() => PlannerTestHost.Build(settings));

        Assert.Contains(OpenAiPlannerOptions.EndpointKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlanners_HeuristicDefaultWithNoLlmSettings_RegistersNoLlmPlannerAndStarts()
    {
        using var provider = PlannerTestHost.Build(new Dictionary<string, string?>());

        Assert.Null(provider.GetKeyedService<IPlanner>(PlannerNames.OpenAi));
        Assert.Null(provider.GetKeyedService<IPlanner>(PlannerNames.AzureOpenAi));
        Assert.Null(provider.GetKeyedService<IPlanner>(PlannerNames.Anthropic));
        Assert.Equal(PlannerNames.Heuristic, provider.GetRequiredService<IOptions<PlannerOptions>>().Value.Planner);
    }

    [Fact]
    public void AddPlanners_EveryProviderConfigured_RegistersEachUnderItsName()
    {
        using var provider = PlannerTestHost.Build(CompleteSettings());

        Assert.Equal(PlannerNames.OpenAi, provider.GetRequiredKeyedService<IPlanner>(PlannerNames.OpenAi).Name);
        Assert.Equal(PlannerNames.AzureOpenAi, provider.GetRequiredKeyedService<IPlanner>(PlannerNames.AzureOpenAi).Name);
        Assert.Equal(PlannerNames.Anthropic, provider.GetRequiredKeyedService<IPlanner>(PlannerNames.Anthropic).Name);
    }

    private static Dictionary<string, string?> CompleteSettings() => new()
    {
        [OpenAiPlannerOptions.ModelKey] = "gpt-4o",
        [OpenAiPlannerOptions.ApiKeyKey] = "sk-test",
        [AzureOpenAiPlannerOptions.EndpointKey] = "https://example.openai.azure.com/",
        [AzureOpenAiPlannerOptions.DeploymentKey] = "planner",
        [AnthropicPlannerOptions.ModelKey] = "claude-sonnet-4-5",
        [AnthropicPlannerOptions.ApiKeyKey] = "ant-key",
    };
}
