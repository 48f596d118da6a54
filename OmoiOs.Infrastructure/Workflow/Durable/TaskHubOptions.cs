using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>The local hosts' task hub on the Durable Task Framework's Azure Storage provider (the Functions app sets its own in host.json).</summary>
public sealed class TaskHubOptions
{
    /// <summary>The hub's name: its tables are <c>&lt;name&gt;Instances</c> and <c>&lt;name&gt;History</c>, what the Durable Functions Monitor lists.</summary>
    [ConfigurationKeyName("OMOI_TASK_HUB")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "OMOI_TASK_HUB must be 3 to 45 letters and digits, starting with a letter (Azure Storage's task hub rule).")]
    public string TaskHub { get; set; } = "OmoiOs";

    /// <summary>Activities one worker runs at once; agent runs are capped separately by <c>OMOI_MAX_CONCURRENT_TASKS</c>.</summary>
    [ConfigurationKeyName("OMOI_MAX_ACTIVITIES")]
    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Control-queue partitions: how many workers can share the orchestrations of one hub.</summary>
    [ConfigurationKeyName("OMOI_TASK_HUB_PARTITIONS")]
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// How long the work of a worker that died stays invisible before another worker takes it over: the queues' visibility
    /// timeout and the partitions' lease. Living workers renew both long before, so a long agent run is never taken twice.
    /// Partition leases are blob leases, which Azure Storage (and Azurite) accept only from 15 to 60 seconds.
    /// </summary>
    [ConfigurationKeyName("OMOI_WORKER_TAKEOVER")]
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00", ErrorMessage = "OMOI_WORKER_TAKEOVER must be from 15 to 60 seconds: partition leases are blob leases.")]
    public TimeSpan WorkerTakeover { get; set; } = TimeSpan.FromSeconds(30);
}
