using OmoiOs.Infrastructure.Configuration;

namespace OmoiOs.Tests.Deployment;

/// <summary>docs/azure.md describes the settings the deployment really sets, and those it leaves out on purpose.</summary>
public sealed class AzureDocsTests
{
    [Fact]
    public void SettingsTable_ListsExactlyTheAppSettingsTheDeploymentSets()
    {
        var documented = AzureDocs.SettingsTableKeys();
        var deployed = BicepSources.AppSettingNames.ToHashSet(StringComparer.Ordinal);

        Assert.True(deployed.SetEquals(documented),
            $"{AzureDocs.Path} table vs functionapp.bicep: undocumented [{string.Join(", ", deployed.Except(documented).Order(StringComparer.Ordinal))}], "
            + $"not deployed [{string.Join(", ", documented.Except(deployed).Order(StringComparer.Ordinal))}].");
    }

    [Fact]
    public void Docs_NameEveryLocalOnlyKey()
    {
        var text = AzureDocs.Text;

        Assert.DoesNotContain(SettingKeys.LocalOnly, key => !text.Contains($"`{key}`", StringComparison.Ordinal));
    }
}
