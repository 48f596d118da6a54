using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>A local directory is used where it is; a git URL is cloned once into the data directory and reused.</summary>
internal sealed class GitRepositoryLocator(IOptions<DataDirectoryOptions> options) : IRepositoryLocator
{
    private static readonly TimeSpan CloneTimeout = TimeSpan.FromMinutes(10);

    public async Task<string> GetLocalPathAsync(string repository, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        if (!IsUrl(repository))
        {
            var path = Path.GetFullPath(repository);
            return Directory.Exists(path)
                ? path
                : throw new ValidationFailedException("repository", $"'{repository}' does not exist or is not a directory.");
        }

        var target = Path.Combine(options.Value.ResolvedDataDirectory(), "repos", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repository)))[..16]);
        if (Directory.Exists(Path.Combine(target, ".git")))
        {
            return target;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        await CloneAsync(repository, partial, cancellationToken).ConfigureAwait(false);
        Directory.Move(partial, target);
        return target;
    }

    private static async Task CloneAsync(string url, string target, CancellationToken cancellationToken)
    {
        using var git = Process.Start(new ProcessStartInfo("git")
        {
            ArgumentList = { "clone", "--quiet", "--", url, target },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment = { ["GIT_TERMINAL_PROMPT"] = "0" },
        }) ?? throw new InvalidOperationException("git could not be started.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CloneTimeout);
        var error = git.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await git.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            git.Kill(entireProcessTree: true);
            throw;
        }

        if (git.ExitCode != 0)
        {
            throw new ValidationFailedException("repository", $"git clone of '{url}' failed: {(await error.ConfigureAwait(false)).Trim()}");
        }
    }

    private static bool IsUrl(string repository) =>
        repository.Contains("://", StringComparison.Ordinal) || repository.StartsWith("git@", StringComparison.Ordinal);
}
