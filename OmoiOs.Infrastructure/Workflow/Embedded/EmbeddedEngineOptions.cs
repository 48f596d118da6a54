using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

/// <summary>Settings of the in-process workflow engine used when OmoiOs runs on one machine.</summary>
public sealed class EmbeddedEngineOptions
{
    /// <summary>Activities that may run at once across all instances of this process.</summary>
    [ConfigurationKeyName("OMOI_MAX_ACTIVITIES")]
    [Range(1, 256)]
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>How often a running instance's custom status is written to its row at most.</summary>
    [ConfigurationKeyName("OMOI_STATUS_FLUSH_INTERVAL")]
    public TimeSpan StatusFlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
