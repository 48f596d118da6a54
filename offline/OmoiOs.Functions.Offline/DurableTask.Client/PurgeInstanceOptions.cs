namespace Microsoft.DurableTask.Client;

/// <summary>How to purge an instance's history.</summary>
public record PurgeInstanceOptions(bool Recursive = false);
