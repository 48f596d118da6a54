namespace OmoiOs.Infrastructure.Configuration;

/// <summary>
/// The names of the settings the OmoiOs Functions host reads, as they appear in app settings,
/// local.settings.json and environment variables. <see cref="Deployed"/> is the contract with
/// infra/bicep: every key in it must be set by the deployment (a test checks both directions).
/// </summary>
public static class SettingKeys
{
    public const string AzureWebJobsStorage = "AzureWebJobsStorage";
    public const string AzureWebJobsStorageCredential = "AzureWebJobsStorage__credential";
    public const string AzureWebJobsStorageClientId = "AzureWebJobsStorage__clientId";
    public const string AzureWebJobsStorageBlobServiceUri = "AzureWebJobsStorage__blobServiceUri";
    public const string AzureWebJobsStorageQueueServiceUri = "AzureWebJobsStorage__queueServiceUri";
    public const string AzureWebJobsStorageTableServiceUri = "AzureWebJobsStorage__tableServiceUri";
    public const string AzureWebJobsStorageAccountName = "AzureWebJobsStorage__accountName";
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Set by App Service on every instance it runs; its presence means "running in Azure".</summary>
    public const string WebsiteInstanceId = "WEBSITE_INSTANCE_ID";

    public const string TaskHub = "OMOI_TASK_HUB";
    public const string Storage = "OMOI_STORAGE";
    public const string StorageTableUri = "OMOI_STORAGE_TABLE_URI";
    public const string StorageClientId = "OMOI_STORAGE_CLIENT_ID";
    public const string Planner = "OMOI_PLANNER";
    public const string OpenAiBaseUrl = "OMOI_OPENAI_BASE_URL";
    public const string OpenAiModel = "OMOI_OPENAI_MODEL";
    public const string OpenAiApiKey = "OMOI_OPENAI_API_KEY";
    public const string AzureOpenAiEndpoint = "OMOI_AZURE_OPENAI_ENDPOINT";
    public const string AzureOpenAiDeployment = "OMOI_AZURE_OPENAI_DEPLOYMENT";
    public const string AnthropicModel = "OMOI_ANTHROPIC_MODEL";
    public const string AnthropicApiKey = "OMOI_ANTHROPIC_API_KEY";
    public const string Sandbox = "OMOI_SANDBOX";
    public const string DaytonaApiUrl = "OMOI_DAYTONA_API_URL";
    public const string DaytonaApiKey = "OMOI_DAYTONA_API_KEY";
    public const string DaytonaSnapshot = "OMOI_DAYTONA_SNAPSHOT";
    public const string Agent = "OMOI_AGENT";
    public const string AgentApiKey = "OMOI_AGENT_API_KEY";
    public const string MaxParallelTasks = "OMOI_MAX_PARALLEL_TASKS";
    public const string MaxConcurrentTasks = "OMOI_MAX_CONCURRENT_TASKS";
    public const string TaskTimeout = "OMOI_TASK_TIMEOUT";

    /// <summary>Every key the Azure deployment must set for the Functions host.</summary>
    public static IReadOnlyList<string> Deployed { get; } =
    [
        AzureWebJobsStorageCredential,
        AzureWebJobsStorageClientId,
        AzureWebJobsStorageBlobServiceUri,
        AzureWebJobsStorageQueueServiceUri,
        AzureWebJobsStorageTableServiceUri,
        ApplicationInsightsConnectionString,
        ApplicationInsightsAuthenticationString,
        TaskHub,
        StorageTableUri,
        StorageClientId,
        Planner,
        OpenAiBaseUrl,
        OpenAiModel,
        OpenAiApiKey,
        AzureOpenAiEndpoint,
        AzureOpenAiDeployment,
        AnthropicModel,
        AnthropicApiKey,
        Sandbox,
        DaytonaApiUrl,
        DaytonaApiKey,
        DaytonaSnapshot,
        Agent,
        AgentApiKey,
        MaxParallelTasks,
        MaxConcurrentTasks,
        TaskTimeout,
    ];

    /// <summary>
    /// Keys that only make sense on one machine, so the deployment must not set them
    /// (in Azure storage is reached by identity, never by a connection string).
    /// </summary>
    public static IReadOnlyList<string> LocalOnly { get; } = [Storage];
}
