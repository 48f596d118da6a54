namespace Microsoft.DurableTask.Client;

/// <summary>How to terminate an instance.</summary>
public record TerminateInstanceOptions(object? Output = null, bool Recursive = false);
