using System.Globalization;
using System.Text.Json;
using OmoiOs.Tests.Deployment.Bicep;

namespace OmoiOs.Tests.Deployment;

/// <summary>host.json against the deployment and the justification table in docs/azure.md.</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void HubName_ComesFromTheTaskHubSetting()
    {
        using var host = Load();

        Assert.Equal("%OMOI_TASK_HUB%", Durable(host).GetProperty("hubName").GetString());
    }

    [Fact]
    public void StorageProvider_IsAzureStorageWithTablePartitionManagement()
    {
        using var host = Load();
        var provider = Durable(host).GetProperty("storageProvider");

        Assert.Equal("AzureStorage", provider.GetProperty("type").GetString());
        Assert.True(provider.GetProperty("useTablePartitionManagement").GetBoolean());
        Assert.InRange(provider.GetProperty("partitionCount").GetInt32(), 1, 16);
    }

    [Fact]
    public void FunctionTimeout_OutlastsTheDeployedTaskTimeout()
    {
        using var host = Load();
        var functionTimeout = TimeSpan.Parse(host.RootElement.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);
        var taskTimeoutParam = Assert.Single(BicepSources.Template.Main.Params, p => p.Name == "taskTimeout");
        var taskTimeout = TimeSpan.Parse(Assert.IsType<BicepString>(taskTimeoutParam.Default).Value, CultureInfo.InvariantCulture);

        Assert.True(functionTimeout > taskTimeout, $"functionTimeout {functionTimeout} must exceed the agent run limit {taskTimeout}, or the host kills the activity first.");
    }

    [Fact]
    public void ActivityConcurrency_LeavesRoomBesideTheDeployedAgentRuns()
    {
        using var host = Load();
        var activities = Durable(host).GetProperty("maxConcurrentActivityFunctions").GetInt32();
        var agentRuns = Assert.IsType<BicepNumber>(Assert.Single(BicepSources.Template.Main.Params, p => p.Name == "maxConcurrentTasks").Default).Value;

        Assert.True(activities > agentRuns, $"maxConcurrentActivityFunctions {activities} must exceed OMOI_MAX_CONCURRENT_TASKS {agentRuns} so short activities are not queued behind agent runs.");
    }

    [Fact]
    public void Tracing_KeepsInputsAndOutputsOutOfTelemetry()
    {
        using var host = Load();

        Assert.False(Durable(host).GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean());
    }

    [Fact]
    public void EveryValue_IsJustifiedInTheDocsTable()
    {
        using var host = Load();
        var docs = RepositoryFiles.Read("docs/azure.md");

        var unjustified = Leaves(host.RootElement, "").Where(path => !docs.Contains($"| `{path}` |", StringComparison.Ordinal)).ToList();

        Assert.True(unjustified.Count == 0, "docs/azure.md has no host.json table row for: " + string.Join(", ", unjustified));
    }

    private static JsonDocument Load() => JsonDocument.Parse(RepositoryFiles.Read("host.json"));

    private static JsonElement Durable(JsonDocument host) => host.RootElement.GetProperty("extensions").GetProperty("durableTask");

    private static IEnumerable<string> Leaves(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}"))
            : [path];
}
