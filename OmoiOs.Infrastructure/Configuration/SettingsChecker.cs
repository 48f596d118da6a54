using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Configuration;

/// <summary>Reads flat setting keys from configuration and collects what is wrong with them.</summary>
internal sealed class SettingsChecker(IConfiguration configuration)
{
    /// <summary>The prefix App Service leaves in place when it could not resolve a Key Vault reference.</summary>
    internal const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    private readonly List<SettingProblem> _problems = [];

    public IReadOnlyList<SettingProblem> Problems => _problems;

    /// <summary>
    /// The value of a key as written in app settings; the environment-variable provider turns
    /// <c>__</c> into the <c>:</c> section separator, so <c>AzureWebJobsStorage__clientId</c> is read as
    /// <c>AzureWebJobsStorage:clientId</c>. Blank counts as absent.
    /// </summary>
    public string? Get(string key)
    {
        var value = configuration[key.Replace("__", ":", StringComparison.Ordinal)];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public bool Has(string key) => Get(key) is not null;

    public void Report(string key, string message) => _problems.Add(new SettingProblem(key, message));

    public string? Require(string key, string purpose)
    {
        var value = Get(key);
        if (value is null)
        {
            Report(key, $"missing: {purpose}.");
        }

        return value;
    }

    public void RequireSecret(string key, string purpose)
    {
        if (Require(key, $"{purpose}; keep it in Key Vault and reference it from the app setting") is not null)
        {
            CheckOptionalSecret(key);
        }
    }

    /// <summary>A secret that may be absent, but when set must have been resolved from Key Vault.</summary>
    public void CheckOptionalSecret(string key)
    {
        var value = Get(key);
        if (value is not null && value.StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
        {
            Report(key, "is an unresolved Key Vault reference: the secret is missing from the vault, or the app identity "
                + "cannot read it (it needs Key Vault Secrets User and the site's keyVaultReferenceIdentity).");
        }
    }

    public void RequireAbsoluteUri(string key, string purpose, bool httpsOnly)
    {
        if (Require(key, purpose) is not null)
        {
            CheckAbsoluteUri(key, httpsOnly);
        }
    }

    public void CheckAbsoluteUri(string key, bool httpsOnly)
    {
        var value = Get(key);
        if (value is null)
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (httpsOnly || uri.Scheme != Uri.UriSchemeHttp)))
        {
            Report(key, $"'{value}' is not an absolute {(httpsOnly ? "https" : "http(s)")} URI.");
        }
    }

    public void RequireGuid(string key, string purpose)
    {
        var value = Require(key, purpose);
        if (value is not null && !Guid.TryParse(value, out _))
        {
            Report(key, $"'{value}' is not a client id (a GUID).");
        }
    }

    public string OneOf(string key, IReadOnlyList<string> allowed, string fallback)
    {
        var value = Get(key) ?? fallback;
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Report(key, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
        }

        return value;
    }

    public void CheckPositiveInteger(string key)
    {
        var value = Get(key);
        if (value is not null && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1))
        {
            Report(key, $"'{value}' is not a whole number of at least 1.");
        }
    }

    public void CheckPositiveDuration(string key)
    {
        var value = Get(key);
        if (value is not null && (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) || duration <= TimeSpan.Zero))
        {
            Report(key, $"'{value}' is not a positive duration (hh:mm:ss).");
        }
    }
}
