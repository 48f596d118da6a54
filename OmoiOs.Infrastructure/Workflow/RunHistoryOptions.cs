using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Workflow;

/// <summary>How long the engine keeps the history of a finished run (what the Durable Functions Monitor shows of it).</summary>
public sealed class RunHistoryOptions
{
    /// <remarks>
    /// At least 10 minutes, so a run the engine failed or a terminated one is settled by the ended-run sweep (which reads
    /// its instance) before its history goes.
    /// </remarks>
    [ConfigurationKeyName("OMOI_RUN_HISTORY_RETENTION")]
    [Range(typeof(TimeSpan), "00:10:00", "3650.00:00:00", ErrorMessage = "OMOI_RUN_HISTORY_RETENTION must be from 00:10:00 to 3650.00:00:00 (d.hh:mm:ss).")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
