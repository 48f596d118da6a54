using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.Anthropic;
using OmoiOs.Infrastructure.Planners.AzureOpenAi;
using OmoiOs.Infrastructure.Planners.OpenAi;

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
    public const string Planner = PlannerOptions.PlannerKey;
    public const string OpenAiEndpoint = OpenAiPlannerOptions.EndpointKey;
    public const string OpenAiModel = OpenAiPlannerOptions.ModelKey;
    public const string OpenAiApiKey = OpenAiPlannerOptions.ApiKeyKey;
    public const string AzureOpenAiEndpoint = AzureOpenAiPlannerOptions.EndpointKey;
    public const string AzureOpenAiDeployment = AzureOpenAiPlannerOptions.DeploymentKey;
    public const string AzureOpenAiApiKey = AzureOpenAiPlannerOptions.ApiKeyKey;
    public const string AnthropicModel = AnthropicPlannerOptions.ModelKey;
    public const string AnthropicApiKey = AnthropicPlannerOptions.ApiKeyKey;
    public const string Sandbox = "OMOI_SANDBOX";
    public const string DaytonaApiUrl = "OMOI_DAYTONA_API_URL";
    public const string DaytonaApiKey = "OMOI_DAYTONA_API_KEY";
    public const string MaxParallelTasks = "OMOI_MAX_PARALLEL_TASKS";
    public const string MaxConcurrentTasks = "OMOI_MAX_CONCURRENT_TASKS";
    public const string TaskTimeout = "OMOI_TASK_TIMEOUT";

    /// <summary>
    /// Families of keys, one per entry (<c>OMOI_AGENTS__&lt;name&gt;</c>): an operator adds the entries they want, so the
    /// deployment sets none of its own and the contract test does not ask it to.
    /// </summary>
    public static IReadOnlyList<string> Families { get; } = ["OMOI_AGENTS"];

    /// <summary>
    /// Keys that only make sense on one machine, so the Azure deployment must not set them (a test keeps them out
    /// of infra/bicep). Each is either refused in Azure or read only by the <c>omoi</c> command's own host.
    /// </summary>
    public static IReadOnlyList<string> LocalOnly { get; } =
    [
        AzureWebJobsStorage, // a connection string: the Azure storage account refuses shared keys, the host connects by identity
        Storage, // same for the record tables, which Azure reaches through OMOI_STORAGE_TABLE_URI + OMOI_STORAGE_CLIENT_ID
        "OMOI_UNSAFE_NO_SANDBOX", // replaces bubblewrap by no isolation; Azure always runs tasks in Daytona
        "OMOI_SANDBOX_BWRAP", // the bubblewrap executable; Azure Functions has no bubblewrap
        "OMOI_SANDBOX_MAX_PROCESSES", // a bubblewrap limit; Daytona sizes its own sandboxes
        "OMOI_SANDBOX_DISK_QUOTA_BYTES", // a bubblewrap limit
        "OMOI_SANDBOX_TMP_BYTES", // a bubblewrap limit
        "OMOI_SANDBOX_READONLY_PATHS", // host paths bubblewrap mounts into the sandbox
        "OMOI_SANDBOX_PATH", // directories of those host paths put on the sandbox's PATH
        "OMOI_SANDBOX_SETUP_NETWORK", // network for one bubblewrap command; a Daytona sandbox's network is set when it is created
        "OMOI_MAX_ACTIVITIES", // the omoi command's task hub worker; in Azure host.json sets maxConcurrentActivityFunctions
        "OMOI_TASK_HUB_PARTITIONS", // the omoi command's task hub; in Azure host.json sets partitionCount
        "OMOI_WORKER_TAKEOVER", // the omoi command's queue visibility and lease times; Azure keeps Durable Functions' defaults
    ];
}
