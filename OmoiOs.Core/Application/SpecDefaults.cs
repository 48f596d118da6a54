namespace OmoiOs.Core.Application;

/// <summary>The host's defaults for the options a new spec leaves out.</summary>
public sealed record SpecDefaults(int MaxParallelTasks, int TaskTimeoutSeconds)
{
    public static SpecDefaults Standard { get; } = new(Domain.SpecOptions.DefaultMaxParallelTasks, Domain.SpecOptions.DefaultTaskTimeoutSeconds);
}
