using System.Text.Json;
using OmoiOs.Infrastructure.Configuration;

namespace OmoiOs.Tests.Deployment;

/// <summary>
/// local.settings.json.example shows a local <c>func start</c> every setting the Azure deployment sets (with local
/// values), plus the local-only ones, and the host starts with it as it is.
/// </summary>
public sealed class LocalSettingsExampleTests
{
    private const string ExamplePath = "local.settings.json.example";

    /// <summary>Written by Functions Core Tools for the local worker; Flex Consumption rejects it as an app setting.</summary>
    private const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";

    [Fact]
    public void Example_ListsEveryOmoiSettingTheDeploymentSets()
    {
        var example = Values();

        var missing = AzureDocs.SettingsTableKeys().Where(k => k.StartsWith("OMOI_", StringComparison.Ordinal) && !example.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, $"{ExamplePath} lacks settings the deployment sets: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Example_SetsOnlyDocumentedOrLocalOnlyKeys()
    {
        var documented = AzureDocs.SettingsTableKeys();

        var unknown = Values().Keys.Where(k => k != WorkerRuntime && !documented.Contains(k) && !SettingKeys.LocalOnly.Contains(k)).ToList();

        Assert.True(unknown.Count == 0, $"{ExamplePath} sets keys neither in {AzureDocs.Path}'s table nor in SettingKeys.LocalOnly: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Example_PassesTheOptionsValidationTheFunctionsHostRunsAtStart()
    {
        FunctionsHostStartup.ValidateOptions(Values());
    }

    private static Dictionary<string, string> Values()
    {
        using var document = JsonDocument.Parse(RepositoryFiles.Read(ExamplePath));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
