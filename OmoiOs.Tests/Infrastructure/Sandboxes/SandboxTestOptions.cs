using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Sandboxes.Local;

namespace OmoiOs.Tests.Infrastructure.Sandboxes;

/// <summary>Small limits so that containment tests stay fast.</summary>
internal static class SandboxTestOptions
{
    public static SandboxOptions Small(string workspaceRoot) => new()
    {
        WorkspaceRoot = workspaceRoot,
        OutputLimitBytes = 64 * 1024,
        MaxProcesses = 64,
        DiskQuotaBytes = 16L * 1024 * 1024,
        TmpBytes = 8L * 1024 * 1024,
    };

    public static LocalSandboxProvider LocalProvider(SandboxOptions options) =>
        new(Options.Create(options), NullLogger<LocalSandboxProvider>.Instance);
}
