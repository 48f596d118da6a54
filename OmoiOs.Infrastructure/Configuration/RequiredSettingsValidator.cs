using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Configuration;

/// <summary>
/// Checks at start that the Functions host has every setting it needs for where it runs, so a
/// misconfigured deployment fails at once with the names of the settings to fix instead of at the
/// first spec. Pure: it only reads the configuration it is given.
/// </summary>
public static partial class RequiredSettingsValidator
{
    public const string ManagedIdentityCredential = "managedidentity";

    public static IReadOnlyList<string> Planners { get; } = ["heuristic", "openai", "azure-openai", "anthropic"];

    public static IReadOnlyList<string> Sandboxes { get; } = ["local", "daytona"];

    /// <summary>Azure when App Service has set <see cref="SettingKeys.WebsiteInstanceId"/>, otherwise local.</summary>
    public static SettingsProfile DetectProfile(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SettingsChecker(configuration).Has(SettingKeys.WebsiteInstanceId) ? SettingsProfile.Azure : SettingsProfile.Local;
    }

    /// <summary>Throws <see cref="InvalidSettingsException"/> listing every problem for the detected profile.</summary>
    public static void EnsureValid(IConfiguration configuration)
    {
        var profile = DetectProfile(configuration);
        var problems = Validate(configuration, profile);
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(profile, problems);
        }
    }

    /// <summary>Every problem with the settings for <paramref name="profile"/>; empty when the host can start.</summary>
    public static IReadOnlyList<SettingProblem> Validate(IConfiguration configuration, SettingsProfile profile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new SettingsChecker(configuration);
        CheckTaskHub(settings);
        if (profile == SettingsProfile.Azure)
        {
            CheckIdentityHostStorage(settings);
            CheckIdentityRecordStorage(settings);
            CheckTelemetry(settings);
        }
        else
        {
            CheckLocalHostStorage(settings);
            CheckLocalRecordStorage(settings);
        }

        CheckPlanner(settings);
        CheckSandbox(settings, profile);
        settings.CheckPositiveInteger(SettingKeys.MaxParallelTasks);
        settings.CheckPositiveInteger(SettingKeys.MaxConcurrentTasks);
        settings.CheckPositiveDuration(SettingKeys.TaskTimeout);
        return settings.Problems;
    }

    private static void CheckTaskHub(SettingsChecker settings)
    {
        var hub = settings.Require(SettingKeys.TaskHub, "host.json names the Durable Functions task hub %OMOI_TASK_HUB%; set it, e.g. OmoiOs");
        if (hub is not null && !TaskHubName().IsMatch(hub))
        {
            settings.Report(SettingKeys.TaskHub, $"'{hub}' is not a valid task hub name: 3 to 45 letters and digits, starting with a letter.");
        }
    }

    private static void CheckIdentityHostStorage(SettingsChecker settings)
    {
        if (settings.Has(SettingKeys.AzureWebJobsStorage))
        {
            settings.Report(SettingKeys.AzureWebJobsStorage, "must not be a connection string in Azure: the storage account refuses shared keys; "
                + "use the AzureWebJobsStorage__credential/__clientId/__*ServiceUri identity settings.");
        }

        var credential = settings.Require(SettingKeys.AzureWebJobsStorageCredential, $"set it to '{ManagedIdentityCredential}' so the host reaches storage with the app identity");
        if (credential is not null && !string.Equals(credential, ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            settings.Report(SettingKeys.AzureWebJobsStorageCredential, $"'{credential}' must be '{ManagedIdentityCredential}'.");
        }

        settings.RequireGuid(SettingKeys.AzureWebJobsStorageClientId, "the client id of the user-assigned identity that holds the storage roles");
        settings.RequireAbsoluteUri(SettingKeys.AzureWebJobsStorageBlobServiceUri, "the blob endpoint of the task hub's storage account", httpsOnly: true);
        settings.RequireAbsoluteUri(SettingKeys.AzureWebJobsStorageQueueServiceUri, "the queue endpoint of the task hub's storage account", httpsOnly: true);
        settings.RequireAbsoluteUri(SettingKeys.AzureWebJobsStorageTableServiceUri, "the table endpoint of the task hub's storage account", httpsOnly: true);
    }

    private static void CheckLocalHostStorage(SettingsChecker settings)
    {
        if (settings.Has(SettingKeys.AzureWebJobsStorage) || settings.Has(SettingKeys.AzureWebJobsStorageAccountName))
        {
            return;
        }

        string[] serviceUris = [SettingKeys.AzureWebJobsStorageBlobServiceUri, SettingKeys.AzureWebJobsStorageQueueServiceUri, SettingKeys.AzureWebJobsStorageTableServiceUri];
        if (!serviceUris.Any(settings.Has))
        {
            settings.Report(SettingKeys.AzureWebJobsStorage, "missing: set it to UseDevelopmentStorage=true (Azurite) or configure the AzureWebJobsStorage__* identity settings.");
            return;
        }

        foreach (var key in serviceUris)
        {
            settings.RequireAbsoluteUri(key, "identity-based host storage needs the blob, queue and table endpoints", httpsOnly: false);
        }
    }

    private static void CheckIdentityRecordStorage(SettingsChecker settings)
    {
        if (settings.Has(SettingKeys.Storage))
        {
            settings.Report(SettingKeys.Storage, "must not be set in Azure: the storage account refuses connection strings; "
                + "the record tables are reached through OMOI_STORAGE_TABLE_URI with OMOI_STORAGE_CLIENT_ID.");
        }

        settings.RequireAbsoluteUri(SettingKeys.StorageTableUri, "the table endpoint that holds the OmoiOs records", httpsOnly: true);
        settings.RequireGuid(SettingKeys.StorageClientId, "the client id of the user-assigned identity that holds Storage Table Data Contributor");
    }

    private static void CheckLocalRecordStorage(SettingsChecker settings)
    {
        settings.CheckAbsoluteUri(SettingKeys.StorageTableUri, httpsOnly: false);
        var clientId = settings.Get(SettingKeys.StorageClientId);
        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            settings.Report(SettingKeys.StorageClientId, $"'{clientId}' is not a client id (a GUID).");
        }
    }

    private static void CheckTelemetry(SettingsChecker settings)
    {
        settings.Require(SettingKeys.ApplicationInsightsConnectionString, "without it the host sends no telemetry");
        var authentication = settings.Require(SettingKeys.ApplicationInsightsAuthenticationString,
            "Application Insights has local auth disabled; set ClientId=<identity client id>;Authorization=AAD");
        if (authentication is not null && !authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
        {
            settings.Report(SettingKeys.ApplicationInsightsAuthenticationString, "must contain Authorization=AAD: Application Insights accepts only Entra-authenticated telemetry.");
        }
    }

    private static void CheckPlanner(SettingsChecker settings)
    {
        switch (settings.OneOf(SettingKeys.Planner, Planners, fallback: "heuristic"))
        {
            case "openai":
                settings.Require(SettingKeys.OpenAiModel, "OMOI_PLANNER=openai needs the model name");
                settings.CheckAbsoluteUri(SettingKeys.OpenAiEndpoint, httpsOnly: false);
                settings.RequireSecret(SettingKeys.OpenAiApiKey, "OMOI_PLANNER=openai needs an API key (any placeholder for a server without authentication)");
                break;
            case "azure-openai":
                settings.RequireAbsoluteUri(SettingKeys.AzureOpenAiEndpoint, "OMOI_PLANNER=azure-openai needs the Azure OpenAI endpoint", httpsOnly: true);
                settings.Require(SettingKeys.AzureOpenAiDeployment, "OMOI_PLANNER=azure-openai needs the model deployment name");
                settings.CheckOptionalSecret(SettingKeys.AzureOpenAiApiKey);
                break;
            case "anthropic":
                settings.Require(SettingKeys.AnthropicModel, "OMOI_PLANNER=anthropic needs the model name");
                settings.RequireSecret(SettingKeys.AnthropicApiKey, "OMOI_PLANNER=anthropic needs an API key");
                break;
        }
    }

    private static void CheckSandbox(SettingsChecker settings, SettingsProfile profile)
    {
        var sandbox = profile == SettingsProfile.Azure
            ? settings.Require(SettingKeys.Sandbox, "Azure runs tasks in Daytona sandboxes; set OMOI_SANDBOX=daytona")
            : settings.OneOf(SettingKeys.Sandbox, Sandboxes, fallback: "local");
        if (profile == SettingsProfile.Azure && sandbox is not null && sandbox != "daytona")
        {
            settings.Report(SettingKeys.Sandbox, $"'{sandbox}' is not available on Azure Functions (no bubblewrap there); set OMOI_SANDBOX=daytona.");
        }

        if (sandbox == "daytona")
        {
            settings.RequireSecret(SettingKeys.DaytonaApiKey, "OMOI_SANDBOX=daytona needs a Daytona API key");
            settings.CheckAbsoluteUri(SettingKeys.DaytonaApiUrl, httpsOnly: true);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
