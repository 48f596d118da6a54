namespace Microsoft.DurableTask.Client;

/// <summary>Which instances <c>PurgeAllInstancesAsync</c> removes.</summary>
public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null)
{
    public TimeSpan? Timeout { get; init; }
}
