using System.ComponentModel;
using System.Diagnostics;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Reads a directory's git state (branch, head, dirty) with the git CLI. A directory outside any repository,
/// a repository without commits and a machine without git all yield a state rather than an error.
/// </summary>
public sealed class GitStateReader(RepositoryScanLimits limits)
{
    public async Task<GitState> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var inside = await RunAsync(directory, ["rev-parse", "--is-inside-work-tree"], cancellationToken).ConfigureAwait(false);
        if (inside is not { ExitCode: 0 } || inside.Output.Trim() != "true")
        {
            return new GitState();
        }

        var branch = await RunAsync(directory, ["symbolic-ref", "--short", "-q", "HEAD"], cancellationToken).ConfigureAwait(false);
        var head = await RunAsync(directory, ["rev-parse", "-q", "--verify", "HEAD"], cancellationToken).ConfigureAwait(false);
        var status = await RunAsync(directory, ["status", "--porcelain", "--untracked-files=normal"], cancellationToken).ConfigureAwait(false);
        return new GitState
        {
            IsRepository = true,
            Branch = branch is { ExitCode: 0 } ? NullIfEmpty(branch.Output) : null,
            Head = head is { ExitCode: 0 } ? NullIfEmpty(head.Output) : null,
            Dirty = status is { ExitCode: 0 } && status.Output.Trim().Length > 0,
        };
    }

    private static string? NullIfEmpty(string text) => text.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>Runs one git command; null when git is missing or the command overran its time.</summary>
    private async Task<GitResult?> RunAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        // Read-only: no index lock, and a repository owned by another user is still read.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var argument in (string[])["-c", "safe.directory=*", "-C", directory, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limits.GitTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                await Task.WhenAll(output, error).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new GitResult(process.ExitCode, await output.ConfigureAwait(false));
        }
    }

    private sealed record GitResult(int ExitCode, string Output);
}
