using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Configuration;
using OmoiOs.Tests.Deployment;

namespace OmoiOs.Tests.Infrastructure.Configuration;

public sealed class RequiredSettingsValidatorTests
{
    private const string ClientId = "6b0d3f58-52a4-4a55-9f6f-6f4f7c0d2a11";
    private const string UnresolvedReference = "@Microsoft.KeyVault(SecretUri=https://kv-omoi.vault.azure.net/secrets/daytona-api-key)";

    [Fact]
    public void Validate_LocalSettingsExample_HasNoProblems()
    {
        var example = new ConfigurationBuilder()
            .AddJsonFile(RepositoryFiles.PathOf("local.settings.json.example"), optional: false)
            .Build()
            .GetSection("Values");

        Assert.Empty(RequiredSettingsValidator.Validate(example, SettingsProfile.Local));
    }

    [Fact]
    public void Validate_AzureWithEverySetting_HasNoProblems()
    {
        Assert.Empty(RequiredSettingsValidator.Validate(Build(AzureSettings()), SettingsProfile.Azure));
    }

    [Fact]
    public void Validate_AzureWithNothingSet_NamesEveryRequiredSetting()
    {
        var keys = Keys(RequiredSettingsValidator.Validate(Build([]), SettingsProfile.Azure));

        Assert.Equal(
            [
                SettingKeys.ApplicationInsightsAuthenticationString,
                SettingKeys.ApplicationInsightsConnectionString,
                SettingKeys.AzureWebJobsStorageBlobServiceUri,
                SettingKeys.AzureWebJobsStorageClientId,
                SettingKeys.AzureWebJobsStorageCredential,
                SettingKeys.AzureWebJobsStorageQueueServiceUri,
                SettingKeys.AzureWebJobsStorageTableServiceUri,
                SettingKeys.Sandbox,
                SettingKeys.StorageClientId,
                SettingKeys.StorageTableUri,
                SettingKeys.TaskHub,
            ],
            keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_LocalWithNothingSet_NamesTaskHubAndHostStorage()
    {
        var keys = Keys(RequiredSettingsValidator.Validate(Build([]), SettingsProfile.Local));

        Assert.Equal([SettingKeys.AzureWebJobsStorage, SettingKeys.TaskHub], keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("hub")]
    [InlineData("OmoiOs2")]
    [InlineData("A23456789012345678901234567890123456789012345")]
    public void Validate_ValidTaskHubName_Accepted(string hub)
    {
        var settings = AzureSettings();
        settings[SettingKeys.TaskHub] = hub;

        Assert.Empty(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1Omoi")]
    [InlineData("omoi-os")]
    [InlineData("A234567890123456789012345678901234567890123456")]
    public void Validate_InvalidTaskHubName_Reported(string hub)
    {
        var settings = AzureSettings();
        settings[SettingKeys.TaskHub] = hub;

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
        Assert.Equal(SettingKeys.TaskHub, problem.Key);
        Assert.Contains(hub, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AzureWithStorageConnectionStrings_RejectsBoth()
    {
        var settings = AzureSettings();
        settings[SettingKeys.AzureWebJobsStorage] = "DefaultEndpointsProtocol=https;AccountName=x";
        settings[SettingKeys.Storage] = "DefaultEndpointsProtocol=https;AccountName=x";

        var keys = Keys(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));

        Assert.Equal([SettingKeys.AzureWebJobsStorage, SettingKeys.Storage], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_AzureWithWrongIdentityValues_ReportsEach()
    {
        var settings = AzureSettings();
        settings[SettingKeys.AzureWebJobsStorageCredential] = "connectionstring";
        settings[SettingKeys.AzureWebJobsStorageClientId] = "not-a-guid";
        settings[SettingKeys.AzureWebJobsStorageQueueServiceUri] = "http://stomoi.queue.core.windows.net/";
        settings[SettingKeys.StorageTableUri] = "stomoi.table.core.windows.net";

        var keys = Keys(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));

        Assert.Equal(
            [
                SettingKeys.AzureWebJobsStorageClientId,
                SettingKeys.AzureWebJobsStorageCredential,
                SettingKeys.AzureWebJobsStorageQueueServiceUri,
                SettingKeys.StorageTableUri,
            ],
            keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_AzureWithLocalSandbox_AsksForDaytona()
    {
        var settings = AzureSettings();
        settings[SettingKeys.Sandbox] = "local";

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
        Assert.Equal(SettingKeys.Sandbox, problem.Key);
        Assert.Contains("OMOI_SANDBOX=daytona", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SettingsProfile.Local)]
    [InlineData(SettingsProfile.Azure)]
    public void Validate_DaytonaWithoutKey_NamesTheKey(SettingsProfile profile)
    {
        var settings = profile == SettingsProfile.Azure ? AzureSettings() : LocalSettings();
        settings[SettingKeys.Sandbox] = "daytona";
        settings.Remove(SettingKeys.DaytonaApiKey);

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), profile));
        Assert.Equal(SettingKeys.DaytonaApiKey, problem.Key);
    }

    [Fact]
    public void Validate_UnresolvedKeyVaultReference_ExplainsTheIdentity()
    {
        var settings = AzureSettings();
        settings[SettingKeys.DaytonaApiKey] = UnresolvedReference;

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
        Assert.Equal(SettingKeys.DaytonaApiKey, problem.Key);
        Assert.Contains("Key Vault Secrets User", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnresolvedReferenceForAnUnusedKey_IsIgnored()
    {
        var settings = AzureSettings();
        settings[SettingKeys.OpenAiApiKey] = UnresolvedReference;

        Assert.Empty(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
    }

    [Theory]
    [InlineData("openai", SettingKeys.OpenAiApiKey)]
    [InlineData("openai", SettingKeys.OpenAiModel)]
    [InlineData("anthropic", SettingKeys.AnthropicApiKey)]
    [InlineData("anthropic", SettingKeys.AnthropicModel)]
    [InlineData("azure-openai", SettingKeys.AzureOpenAiEndpoint)]
    [InlineData("azure-openai", SettingKeys.AzureOpenAiDeployment)]
    public void Validate_PlannerWithoutItsSetting_NamesIt(string planner, string missingKey)
    {
        var settings = LocalSettings();
        settings[SettingKeys.Planner] = planner;

        var problems = RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Local);

        Assert.Contains(problems, p => p.Key == missingKey);
    }

    [Fact]
    public void Validate_OpenAiPlannerAgainstSelfHostedServer_AcceptsHttpAndAPlaceholderKey()
    {
        var settings = LocalSettings();
        settings[SettingKeys.Planner] = "openai";
        settings[SettingKeys.OpenAiEndpoint] = "http://127.0.0.1:11434/v1";
        settings[SettingKeys.OpenAiModel] = "qwen2.5-coder";
        settings[SettingKeys.OpenAiApiKey] = "none";

        Assert.Empty(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Local));
    }

    [Fact]
    public void Validate_OpenAiPlannerAgainstSelfHostedServerWithoutKey_NamesTheKey()
    {
        var settings = LocalSettings();
        settings[SettingKeys.Planner] = "openai";
        settings[SettingKeys.OpenAiEndpoint] = "http://127.0.0.1:11434/v1";
        settings[SettingKeys.OpenAiModel] = "qwen2.5-coder";

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Local));
        Assert.Equal(SettingKeys.OpenAiApiKey, problem.Key);
    }

    [Fact]
    public void Validate_AzureOpenAiWithoutApiKey_AuthenticatesWithTheIdentity()
    {
        var settings = AzureSettings();
        settings[SettingKeys.Planner] = "azure-openai";
        settings[SettingKeys.AzureOpenAiEndpoint] = "https://omoi.openai.azure.com/";
        settings[SettingKeys.AzureOpenAiDeployment] = "gpt-4o";
        settings[SettingKeys.AzureOpenAiApiKey] = "";

        Assert.Empty(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
    }

    [Fact]
    public void Validate_AzureOpenAiWithUnresolvedApiKey_Reported()
    {
        var settings = AzureSettings();
        settings[SettingKeys.Planner] = "azure-openai";
        settings[SettingKeys.AzureOpenAiEndpoint] = "https://omoi.openai.azure.com/";
        settings[SettingKeys.AzureOpenAiDeployment] = "gpt-4o";
        settings[SettingKeys.AzureOpenAiApiKey] = UnresolvedReference;

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
        Assert.Equal(SettingKeys.AzureOpenAiApiKey, problem.Key);
        Assert.Contains("Key Vault", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownPlanner_ListsTheChoices()
    {
        var settings = LocalSettings();
        settings[SettingKeys.Planner] = "gpt";

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Local));
        Assert.Equal(SettingKeys.Planner, problem.Key);
        Assert.Contains("heuristic, openai, azure-openai, anthropic", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SettingKeys.MaxParallelTasks, "0")]
    [InlineData(SettingKeys.MaxConcurrentTasks, "many")]
    [InlineData(SettingKeys.TaskTimeout, "30 minutes")]
    [InlineData(SettingKeys.TaskTimeout, "00:00:00")]
    public void Validate_BadConcurrencyOrTimeout_Reported(string key, string value)
    {
        var settings = LocalSettings();
        settings[key] = value;

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Local));
        Assert.Equal(key, problem.Key);
    }

    [Fact]
    public void Validate_AzureTelemetryWithoutEntraAuth_Reported()
    {
        var settings = AzureSettings();
        settings[SettingKeys.ApplicationInsightsAuthenticationString] = $"ClientId={ClientId}";

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Azure));
        Assert.Equal(SettingKeys.ApplicationInsightsAuthenticationString, problem.Key);
    }

    [Fact]
    public void Validate_LocalWithIdentityHostStorageMissingAnEndpoint_NamesIt()
    {
        var settings = LocalSettings();
        settings.Remove(SettingKeys.AzureWebJobsStorage);
        settings[SettingKeys.AzureWebJobsStorageBlobServiceUri] = "https://stomoi.blob.core.windows.net/";
        settings[SettingKeys.AzureWebJobsStorageQueueServiceUri] = "https://stomoi.queue.core.windows.net/";

        var problem = Assert.Single(RequiredSettingsValidator.Validate(Build(settings), SettingsProfile.Local));
        Assert.Equal(SettingKeys.AzureWebJobsStorageTableServiceUri, problem.Key);
    }

    [Fact]
    public void Validate_DoubleUnderscoreKeysFromEnvironmentVariables_AreRead()
    {
        var prefix = $"OMOITEST_{Guid.NewGuid():N}_";
        var variables = AzureSettings().ToDictionary(kv => prefix + kv.Key, kv => kv.Value);
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            Assert.Empty(RequiredSettingsValidator.Validate(configuration, SettingsProfile.Azure));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void DetectProfile_WebsiteInstanceIdSet_Azure()
    {
        var configuration = Build(new() { [SettingKeys.WebsiteInstanceId] = "f1b3c0" });

        Assert.Equal(SettingsProfile.Azure, RequiredSettingsValidator.DetectProfile(configuration));
    }

    [Fact]
    public void DetectProfile_WebsiteInstanceIdAbsent_Local()
    {
        Assert.Equal(SettingsProfile.Local, RequiredSettingsValidator.DetectProfile(Build(LocalSettings())));
    }

    [Fact]
    public void EnsureValid_ProblemsInAzure_ThrowsNamingEverySetting()
    {
        var settings = AzureSettings();
        settings[SettingKeys.WebsiteInstanceId] = "f1b3c0";
        settings.Remove(SettingKeys.TaskHub);
        settings.Remove(SettingKeys.StorageClientId);

        var exception = Assert.Throws<InvalidSettingsException>(() => RequiredSettingsValidator.EnsureValid(Build(settings)));

        Assert.Equal(SettingsProfile.Azure, exception.Profile);
        Assert.Equal([SettingKeys.StorageClientId, SettingKeys.TaskHub], Keys(exception.Problems).Order(StringComparer.Ordinal));
        Assert.Contains(SettingKeys.TaskHub, exception.Message, StringComparison.Ordinal);
        Assert.Contains(SettingKeys.StorageClientId, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_ValidLocalSettings_DoesNotThrow()
    {
        RequiredSettingsValidator.EnsureValid(Build(LocalSettings()));
    }

    /// <summary>Settings as app settings name them; <c>__</c> becomes <c>:</c> as the environment-variable provider does.</summary>
    private static IConfiguration Build(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();

    private static IEnumerable<string> Keys(IEnumerable<SettingProblem> problems) => problems.Select(p => p.Key);

    private static Dictionary<string, string?> LocalSettings() => new()
    {
        [SettingKeys.AzureWebJobsStorage] = "UseDevelopmentStorage=true",
        [SettingKeys.TaskHub] = "OmoiOs",
        [SettingKeys.Storage] = "UseDevelopmentStorage=true",
        [SettingKeys.DaytonaApiKey] = "test-key",
    };

    private static Dictionary<string, string?> AzureSettings() => new()
    {
        [SettingKeys.AzureWebJobsStorageCredential] = "managedidentity",
        [SettingKeys.AzureWebJobsStorageClientId] = ClientId,
        [SettingKeys.AzureWebJobsStorageBlobServiceUri] = "https://stomoi.blob.core.windows.net/",
        [SettingKeys.AzureWebJobsStorageQueueServiceUri] = "https://stomoi.queue.core.windows.net/",
        [SettingKeys.AzureWebJobsStorageTableServiceUri] = "https://stomoi.table.core.windows.net/",
        [SettingKeys.ApplicationInsightsConnectionString] = "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        [SettingKeys.ApplicationInsightsAuthenticationString] = $"ClientId={ClientId};Authorization=AAD",
        [SettingKeys.TaskHub] = "OmoiOs",
        [SettingKeys.StorageTableUri] = "https://stomoi.table.core.windows.net/",
        [SettingKeys.StorageClientId] = ClientId,
        [SettingKeys.Planner] = "heuristic",
        [SettingKeys.Sandbox] = "daytona",
        [SettingKeys.DaytonaApiUrl] = "https://app.daytona.io/api",
        [SettingKeys.DaytonaApiKey] = "test-key",
        [SettingKeys.MaxParallelTasks] = "4",
        [SettingKeys.MaxConcurrentTasks] = "8",
        [SettingKeys.TaskTimeout] = "00:30:00",
    };
}
