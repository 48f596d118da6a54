using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Sandboxes.Daytona;

/// <summary>The Daytona sandbox service (used when <c>OMOI_SANDBOX=daytona</c>).</summary>
public sealed class DaytonaOptions
{
    [ConfigurationKeyName("OMOI_DAYTONA_API_URL")]
    [Required]
    [Url]
    public string ApiUrl { get; set; } = "https://app.daytona.io/api";

    /// <summary>Sent as <c>Authorization: Bearer</c>; required when Daytona is the sandbox.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_API_KEY")]
    public string ApiKey { get; set; } = "";

    /// <summary>The snapshot sandboxes are created from; empty means Daytona's default. It needs git, tar and the agent.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_SNAPSHOT")]
    public string Snapshot { get; set; } = "";

    /// <summary>The region to create sandboxes in; empty means Daytona's default.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_TARGET")]
    public string Target { get; set; } = "";

    /// <summary>Where the workspace is unpacked inside the sandbox.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_WORKSPACE_PATH")]
    [Required]
    public string WorkspacePath { get; set; } = "/home/daytona/workspace";

    /// <summary>How long a new sandbox may take to reach <c>started</c>.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_START_TIMEOUT")]
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>First delay between status polls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_POLL_INTERVAL")]
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    [ConfigurationKeyName("OMOI_DAYTONA_MAX_POLL_INTERVAL")]
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Daytona stops an idle sandbox after this many minutes: a backstop should a delete ever be lost.</summary>
    [ConfigurationKeyName("OMOI_DAYTONA_AUTO_STOP_MINUTES")]
    [Range(1, 24 * 60)]
    public int AutoStopMinutes { get; set; } = 60;
}
