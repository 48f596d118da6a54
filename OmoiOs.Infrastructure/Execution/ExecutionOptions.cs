using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Execution;

/// <summary>How many tasks run at once, and for how long, unless a spec says otherwise.</summary>
public sealed class ExecutionOptions
{
    /// <summary>Tasks of one spec at once when the spec does not set <c>maxParallelTasks</c>.</summary>
    [ConfigurationKeyName("OMOI_MAX_PARALLEL_TASKS")]
    [Range(1, 64)]
    public int MaxParallelTasks { get; set; } = 4;

    /// <summary>Tasks at once across every spec this process runs.</summary>
    [ConfigurationKeyName("OMOI_MAX_CONCURRENT_TASKS")]
    [Range(1, 256)]
    public int MaxConcurrentTasks { get; set; } = 8;

    /// <summary>One agent run's limit when the spec does not set <c>taskTimeoutSeconds</c>.</summary>
    [ConfigurationKeyName("OMOI_TASK_TIMEOUT")]
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
