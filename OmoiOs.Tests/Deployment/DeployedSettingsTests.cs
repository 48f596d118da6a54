using OmoiOs.Infrastructure.Configuration;

namespace OmoiOs.Tests.Deployment;

/// <summary>The deployment's own values start the Functions host: every setting parses and every option validates.</summary>
public sealed class DeployedSettingsTests
{
    [Fact]
    public void For_Defaults_FollowsParametersToMainBicepDefaults()
    {
        var settings = DeployedSettings.For();

        Assert.Equal("OmoiOs", settings[SettingKeys.TaskHub]);
        Assert.Equal("heuristic", settings[SettingKeys.Planner]);
        Assert.Equal("daytona", settings[SettingKeys.Sandbox]);
        Assert.Equal("True", settings["OMOI_PLANNER_JSON_SCHEMA"]);
        Assert.Equal("3", settings["OMOI_PLANNER_MAX_RETRIES"]);
        Assert.Equal(DeployedSettings.StoredSecret, settings[SettingKeys.DaytonaApiKey]);
        Assert.DoesNotContain(SettingKeys.AzureWebJobsStorageBlobServiceUri, settings.Keys);
    }

    [Fact]
    public void For_AzureOpenAiWithIdentity_LeavesTheApiKeyEmpty()
    {
        Assert.Equal("", DeployedSettings.For()[SettingKeys.AzureOpenAiApiKey]);
    }

    [Fact]
    public void For_AzureOpenAiWithApiKey_ReferencesTheSecret()
    {
        var settings = DeployedSettings.For(new Dictionary<string, string> { ["azureOpenAiAuthentication"] = "apiKey" });

        Assert.Equal(DeployedSettings.StoredSecret, settings[SettingKeys.AzureOpenAiApiKey]);
    }

    [Fact]
    public void Defaults_PassTheOptionsValidationTheFunctionsHostRunsAtStart()
    {
        FunctionsHostStartup.ValidateOptions(DeployedSettings.For());
    }

    [Theory]
    [MemberData(nameof(PlannerDeployments))]
    public void PlannerDeployment_PassesOptionsValidationAndTheAzureRules(Dictionary<string, string> parameters)
    {
        var settings = DeployedSettings.For(parameters);

        FunctionsHostStartup.ValidateOptions(settings);
        var problems = RequiredSettingsValidator.Validate(FunctionsHostStartup.Configuration(settings), SettingsProfile.Azure);
        Assert.DoesNotContain(problems, p => settings.ContainsKey(p.Key));
    }

    public static TheoryData<Dictionary<string, string>> PlannerDeployments() =>
    [
        new() { ["planner"] = "heuristic" },
        new() { ["planner"] = "openai", ["openAiModel"] = "gpt-4.1" },
        new() { ["planner"] = "openai", ["openAiModel"] = "qwen2.5-coder", ["openAiEndpoint"] = "https://llm.example.com/v1", ["openAiInputUsdPerMillionTokens"] = "0.15" },
        new() { ["planner"] = "anthropic", ["anthropicModel"] = "claude-sonnet-4-5", ["anthropicInputUsdPerMillionTokens"] = "3", ["anthropicOutputUsdPerMillionTokens"] = "15" },
        new() { ["planner"] = "azure-openai", ["azureOpenAiEndpoint"] = "https://omoi.openai.azure.com/", ["azureOpenAiDeployment"] = "gpt-4o" },
        new() { ["planner"] = "azure-openai", ["azureOpenAiEndpoint"] = "https://omoi.openai.azure.com/", ["azureOpenAiDeployment"] = "gpt-4o", ["azureOpenAiAuthentication"] = "apiKey" },
        new() { ["planner"] = "heuristic", ["anthropicModel"] = "claude-sonnet-4-5", ["openAiModel"] = "gpt-4.1" },
    ];
}
