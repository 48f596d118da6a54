using System.Diagnostics;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Workspaces;

/// <summary>
/// Runs host-side git. Only ever pointed at the user's repository or at a workspace before its agent ran: the host never
/// runs git inside a workspace an agent has touched (its .git/config could name commands to run).
/// </summary>
internal static class Git
{
    private static readonly string[] RepositoryOverrides =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE",
    ];

    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken, params int[] acceptedExitCodes)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory,
        };
        startInfo.ArgumentList.Add("-C");
        startInfo.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Inherited repository overrides (set when running from inside a git hook) would aim git at another repository.
        foreach (var variable in RepositoryOverrides)
        {
            startInfo.Environment.Remove(variable);
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["GIT_AUTHOR_NAME"] = "OmoiOs";
        startInfo.Environment["GIT_AUTHOR_EMAIL"] = "omoi@localhost";
        startInfo.Environment["GIT_COMMITTER_NAME"] = "OmoiOs";
        startInfo.Environment["GIT_COMMITTER_EMAIL"] = "omoi@localhost";

        using var process = Process.Start(startInfo) ?? throw new WorkspaceFailedException(directory, arguments[0], "git could not be started.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var result = new Result(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        if (result.ExitCode != 0 && !acceptedExitCodes.Contains(result.ExitCode))
        {
            throw new WorkspaceFailedException(directory, "git " + string.Join(' ', arguments), $"exit {result.ExitCode}: {result.Error.Trim()}");
        }

        return result;
    }

    public static async Task<string> OutputAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await RunAsync(directory, arguments, cancellationToken).ConfigureAwait(false)).Output.Trim();

    /// <summary>The commit a ref names, or null when it does not exist.</summary>
    public static async Task<string?> ResolveAsync(string directory, string reference, CancellationToken cancellationToken)
    {
        var result = await RunAsync(directory, ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], cancellationToken, 1).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }
}
