using System.Reflection;
using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Configuration;

namespace OmoiOs.Tests.Deployment;

/// <summary>
/// Keeps the code and infra/bicep in step: every setting the code binds is set by the deployment, and the
/// deployment sets no OMOI_ setting the code does not read.
/// </summary>
public sealed class AppSettingsContractTests
{
    [Fact]
    public void EveryKeyTheCodeReads_IsSetByTheDeployment()
    {
        var deployed = BicepSources.AppSettingNames.ToHashSet(StringComparer.Ordinal);

        var missing = KeysTheCodeReads()
            .Where(kv => !SettingKeys.LocalOnly.Contains(kv.Key) && !deployed.Contains(kv.Key))
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

    [Theory]
    [InlineData("heuristic")]
    [InlineData("openai")]
    [InlineData("azure-openai")]
    [InlineData("anthropic")]
    public void SettingsTheAzureValidatorRequires_AreSetByTheDeployment(string planner)
    {
        // Ask the validator itself what an empty Azure host lacks, for each planner it accepts.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>(SettingKeys.Planner, planner), KeyValuePair.Create<string, string?>(SettingKeys.Sandbox, "daytona")])
            .Build();
        var required = RequiredSettingsValidator.Validate(configuration, SettingsProfile.Azure).Select(p => p.Key).Distinct();

        Assert.Empty(required.Except(BicepSources.AppSettingNames));
    }

    /// <summary>Keys bound by every *Options type in the app's assemblies, plus the settings contract in SettingKeys.</summary>
    private static Dictionary<string, string> KeysTheCodeReads()
    {
        var keys = OptionsKeyCollector.Collect(typeof(SettingKeys).Assembly, Assembly.Load("OmoiOs.Functions"))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var key in SettingKeys.Deployed)
        {
            keys.TryAdd(key, nameof(SettingKeys));
        }

        return keys;
    }
}
