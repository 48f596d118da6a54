using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>Where OmoiOs keeps its records. Defaults to Azurite on this machine.</summary>
public sealed class StorageOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>A storage connection string; falls back to <see cref="WebJobsStorage"/>, then to Azurite.</summary>
    [ConfigurationKeyName("OMOI_STORAGE")]
    public string? ConnectionString { get; set; }

    /// <summary>The setting that holds the Functions host's own storage connection.</summary>
    public const string WebJobsStorageKey = "AzureWebJobsStorage";

    /// <summary>
    /// The Functions host's own storage connection string, used when <see cref="ConnectionString"/> is not set. Not bound:
    /// with identity-based host storage <c>AzureWebJobsStorage</c> is a section (<c>AzureWebJobsStorage__clientId</c>, …)
    /// that the binder cannot put in a string, so <see cref="StorageServiceCollectionExtensions.AddTableStorage"/> reads its value.
    /// </summary>
    public string? WebJobsStorage { get; internal set; }

    /// <summary>Table endpoint for identity-based access (Azure); wins over connection strings when set.</summary>
    [ConfigurationKeyName("OMOI_STORAGE_TABLE_URI")]
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity for <see cref="TableServiceUri"/>.</summary>
    [ConfigurationKeyName("OMOI_STORAGE_CLIENT_ID")]
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table OmoiOs creates, so several installations can share one account.</summary>
    [ConfigurationKeyName("OMOI_TABLE_PREFIX")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,31}$", ErrorMessage = "OMOI_TABLE_PREFIX must be letters and digits, starting with a letter, at most 32 characters.")]
    public string TablePrefix { get; set; } = "Omoi";

    /// <summary>How long one storage request may take before it counts as an outage.</summary>
    [ConfigurationKeyName("OMOI_STORAGE_TIMEOUT")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a transient storage failure (the SDK's exponential retry).</summary>
    [ConfigurationKeyName("OMOI_STORAGE_RETRIES")]
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public string EffectiveConnectionString =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : !string.IsNullOrWhiteSpace(WebJobsStorage) ? WebJobsStorage
        : DevelopmentStorage;
}
