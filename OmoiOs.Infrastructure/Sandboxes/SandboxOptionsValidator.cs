using Microsoft.Extensions.Options;

namespace OmoiOs.Infrastructure.Sandboxes;

/// <summary>
/// Checks the host paths the local sandbox mounts and puts on its PATH: <c>OMOI_SANDBOX_READONLY_PATHS</c> entries are
/// absolute, exist, and neither lie under nor hold the workspace root; <c>OMOI_SANDBOX_PATH</c> entries are absolute
/// directories the sandbox sees (under <c>/usr</c> or a read-only path).
/// </summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    private const string ReadOnlyPathsKey = "OMOI_SANDBOX_READONLY_PATHS";
    private const string SandboxPathKey = "OMOI_SANDBOX_PATH";

    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var workspaces = Path.TrimEndingDirectorySeparator(options.ResolvedWorkspaceRoot());
        var readOnly = options.ReadOnlyPathList();
        foreach (var path in readOnly)
        {
            if (!Path.IsPathFullyQualified(path))
            {
                failures.Add($"{ReadOnlyPathsKey}: '{path}' is not an absolute path.");
            }
            else if (!File.Exists(path) && !Directory.Exists(path))
            {
                failures.Add($"{ReadOnlyPathsKey}: '{path}' does not exist.");
            }
            else if (IsUnder(Full(path), workspaces) || IsUnder(workspaces, Full(path)))
            {
                failures.Add($"{ReadOnlyPathsKey}: '{path}' overlaps the workspace root '{workspaces}' (task workspaces would show through); name a path outside it.");
            }
        }

        var visible = readOnly.Where(Path.IsPathFullyQualified).Select(Full).Append("/usr").ToList();
        foreach (var directory in options.SandboxPathList())
        {
            if (!Path.IsPathFullyQualified(directory))
            {
                failures.Add($"{SandboxPathKey}: '{directory}' is not an absolute path.");
            }
            else if (!visible.Any(root => IsUnder(Full(directory), root)))
            {
                failures.Add($"{SandboxPathKey}: '{directory}' is not in the sandbox: it is neither under /usr nor under a path of {ReadOnlyPathsKey}.");
            }
            else if (!Directory.Exists(directory))
            {
                failures.Add($"{SandboxPathKey}: '{directory}' is not an existing directory.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root == "/" ? root : root + "/", StringComparison.Ordinal);
}
