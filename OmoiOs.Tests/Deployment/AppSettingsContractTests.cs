using System.Reflection;
using OmoiOs.Infrastructure.Configuration;

namespace OmoiOs.Tests.Deployment;

/// <summary>
/// Keeps the code and infra/bicep in step: every setting the code reads (the <c>*Options</c> classes and the
/// start-up validator) is set by the deployment, and the deployment sets no OMOI_ setting nothing reads.
/// </summary>
public sealed class AppSettingsContractTests
{
    [Fact]
    public void EveryKeyTheCodeReads_IsSetByTheDeployment()
    {
        var deployed = BicepSources.AppSettingNames.ToHashSet(StringComparer.Ordinal);

        var missing = KeysTheCodeReads()
            .Where(kv => !SettingKeys.LocalOnly.Contains(kv.Key) && !SettingKeys.Families.Contains(kv.Key) && !deployed.Contains(kv.Key))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"  {kv.Key} (read by {kv.Value})")
            .ToList();

        Assert.True(missing.Count == 0,
            $"infra/bicep/modules/functionapp.bicep does not set {missing.Count} setting(s) the code reads:\n{string.Join("\n", missing)}\n"
            + "Add each to the appsettings resource (a parameter, or a Key Vault reference for a secret) and to docs/azure.md, "
            + "or, if it only makes sense on one machine, to SettingKeys.LocalOnly.");
    }

    [Fact]
    public void EveryOmoiKeyTheDeploymentSets_IsReadByTheCode()
    {
        var read = KeysTheCodeReads();

        var unread = BicepSources.AppSettingNames
            .Where(n => n.StartsWith("OMOI_", StringComparison.Ordinal) && !read.ContainsKey(n))
            .ToList();

        Assert.True(unread.Count == 0, $"the deployment sets OMOI_ settings no code reads (a typo, or a setting that was renamed): {string.Join(", ", unread)}");
    }

    [Fact]
    public void LocalOnlyKeys_AreNotSetByTheDeployment()
    {
        Assert.Empty(BicepSources.AppSettingNames.Intersect(SettingKeys.LocalOnly));
    }

    [Fact]
    public void KeysTheAzureValidatorReads_IncludeTheTaskHubAndDaytonaKey()
    {
        var read = KeysTheAzureValidatorReads();

        Assert.Contains(SettingKeys.TaskHub, read);
        Assert.Contains(SettingKeys.DaytonaApiKey, read);
        Assert.Contains(SettingKeys.AzureWebJobsStorageTableServiceUri, read);
    }

    /// <summary>Keys bound by every *Options type in the app's assemblies, plus every key the Azure validator reads.</summary>
    private static Dictionary<string, string> KeysTheCodeReads()
    {
        var keys = OptionsKeyCollector.Collect(typeof(SettingKeys).Assembly, Assembly.Load("OmoiOs.Functions"))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var key in KeysTheAzureValidatorReads())
        {
            keys[key] = keys.TryGetValue(key, out var owners) ? $"{owners}, {nameof(RequiredSettingsValidator)}" : nameof(RequiredSettingsValidator);
        }

        return keys;
    }

    /// <summary>Runs the Azure rules through every planner and sandbox choice and records what they look up.</summary>
    private static HashSet<string> KeysTheAzureValidatorReads()
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planner in RequiredSettingsValidator.Planners)
        {
            foreach (var sandbox in RequiredSettingsValidator.Sandboxes)
            {
                var configuration = new RecordingConfiguration(new Dictionary<string, string?>
                {
                    [SettingKeys.Planner] = planner,
                    [SettingKeys.Sandbox] = sandbox,
                });
                RequiredSettingsValidator.Validate(configuration, SettingsProfile.Azure);
                read.UnionWith(configuration.Requested);
            }
        }

        return read;
    }
}
