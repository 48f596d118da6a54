using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Repositories;

namespace OmoiOs.Infrastructure.Sandboxes;

/// <summary>Which sandbox runs tasks, and the local sandbox's limits. Sizes are in bytes.</summary>
public sealed class SandboxOptions
{
    public const string Local = "local";
    public const string Daytona = "daytona";

    /// <summary><c>local</c> (bubblewrap, default) or <c>daytona</c>.</summary>
    [ConfigurationKeyName("OMOI_SANDBOX")]
    [Required]
    [RegularExpression("^(local|daytona)$", ErrorMessage = "OMOI_SANDBOX must be 'local' or 'daytona'.")]
    public string Provider { get; set; } = Local;

    /// <summary>Runs agents WITHOUT any isolation, with the host user's privileges. Only for machines without bubblewrap.</summary>
    [ConfigurationKeyName("OMOI_UNSAFE_NO_SANDBOX")]
    public bool UnsafeNoSandbox { get; set; }

    /// <summary>Lets sandboxed commands reach the network (off: a private network namespace with only loopback).</summary>
    [ConfigurationKeyName("OMOI_SANDBOX_ALLOW_NETWORK")]
    public bool AllowNetwork { get; set; }

    /// <summary>
    /// Lets a task's setup step (<c>.omoi/setup.sh</c> or <c>options.setupCommand</c>) reach the network, and nothing
    /// else: the agent and the check keep <see cref="AllowNetwork"/>'s policy. Local sandbox only.
    /// </summary>
    [ConfigurationKeyName("OMOI_SANDBOX_SETUP_NETWORK")]
    public bool SetupNetwork { get; set; }

    /// <summary>The bubblewrap executable: a path, or a name looked up on PATH.</summary>
    [ConfigurationKeyName("OMOI_SANDBOX_BWRAP")]
    [Required]
    public string BubblewrapPath { get; set; } = "bwrap";

    /// <summary>Output kept per command (half head, half tail); the rest is counted, not stored.</summary>
    [ConfigurationKeyName("OMOI_SANDBOX_OUTPUT_LIMIT_BYTES")]
    [Range(1024, int.MaxValue)]
    public long OutputLimitBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Processes (and threads) one command may have at once.</summary>
    [ConfigurationKeyName("OMOI_SANDBOX_MAX_PROCESSES")]
    [Range(8, 1_000_000)]
    public int MaxProcesses { get; set; } = 512;

    /// <summary>Disk space the task's workspace may use.</summary>
    [ConfigurationKeyName("OMOI_SANDBOX_DISK_QUOTA_BYTES")]
    [Range(1024 * 1024, long.MaxValue)]
    public long DiskQuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Size of the sandbox's private /tmp (memory-backed).</summary>
    [ConfigurationKeyName("OMOI_SANDBOX_TMP_BYTES")]
    [Range(1024 * 1024, long.MaxValue)]
    public long TmpBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Extra host paths mounted read-only at the same place, comma-separated: toolchains (<c>/root/.pyenv</c>,
    /// <c>/root/.nvm</c>, <c>/root/.dotnet</c>) or an agent CLI. Each must be absolute, exist, and neither lie under nor
    /// hold the workspace root (other tasks' workspaces would show through).
    /// </summary>
    [ConfigurationKeyName("OMOI_SANDBOX_READONLY_PATHS")]
    public string ReadOnlyPaths { get; set; } = "";

    /// <summary>
    /// Directories put before the sandbox's PATH, colon-separated like PATH (e.g. <c>/root/.pyenv/shims</c>); each must
    /// be under <c>/usr</c> or one of <see cref="ReadOnlyPaths"/>, else the sandbox would not see it.
    /// </summary>
    [ConfigurationKeyName("OMOI_SANDBOX_PATH")]
    public string SandboxPath { get; set; } = "";

    /// <summary>Wall-clock limit of a task's check command (the agent's limit is the task's own timeout).</summary>
    [ConfigurationKeyName("OMOI_CHECK_TIMEOUT")]
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where task workspaces are created; empty means <c>workspaces</c> in the data home (<c>OMOI_DATA_DIR</c>).</summary>
    [ConfigurationKeyName("OMOI_WORKSPACE_ROOT")]
    public string WorkspaceRoot { get; set; } = "";

    public IReadOnlyList<string> ReadOnlyPathList() =>
        ReadOnlyPaths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> SandboxPathList() =>
        SandboxPath.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string ResolvedWorkspaceRoot() =>
        string.IsNullOrWhiteSpace(WorkspaceRoot) ? new DataDirectoryOptions().Folder(DataDirectoryOptions.WorkspacesFolder) : Path.GetFullPath(WorkspaceRoot);
}
