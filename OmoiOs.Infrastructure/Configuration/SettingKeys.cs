namespace OmoiOs.Infrastructure.Configuration;

/// <summary>
/// The names of the settings <see cref="RequiredSettingsValidator"/> checks, as they appear in app
/// settings, local.settings.json and environment variables. OmoiOs.Tests/Deployment checks that the
/// Azure deployment sets every key the validator and the <c>*Options</c> classes read.
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
    public const string OpenAiApiKey = "OMOI_OPENAI_API_KEY";
    public const string AzureOpenAiEndpoint = "OMOI_AZURE_OPENAI_ENDPOINT";
    public const string AzureOpenAiDeployment = "OMOI_AZURE_OPENAI_DEPLOYMENT";
    public const string AnthropicApiKey = "OMOI_ANTHROPIC_API_KEY";
    public const string Sandbox = "OMOI_SANDBOX";
    public const string DaytonaApiUrl = "OMOI_DAYTONA_API_URL";
    public const string DaytonaApiKey = "OMOI_DAYTONA_API_KEY";
    public const string MaxParallelTasks = "OMOI_MAX_PARALLEL_TASKS";
    public const string MaxConcurrentTasks = "OMOI_MAX_CONCURRENT_TASKS";
    public const string TaskTimeout = "OMOI_TASK_TIMEOUT";

    /// <summary>
    /// Keys the Azure deployment must not set: the storage connection strings (in Azure storage is
    /// reached by identity only) and the settings of the bubblewrap sandbox, which Azure does not have.
    /// </summary>
    public static IReadOnlyList<string> LocalOnly { get; } =
    [
        AzureWebJobsStorage,
        Storage,
        "OMOI_UNSAFE_NO_SANDBOX",
        "OMOI_SANDBOX_BWRAP",
        "OMOI_SANDBOX_MAX_PROCESSES",
        "OMOI_SANDBOX_DISK_QUOTA_BYTES",
        "OMOI_SANDBOX_TMP_BYTES",
        "OMOI_SANDBOX_READONLY_PATHS",
    ];
}
