using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Application;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>
/// A local directory is used where it is, once it and its real path (symbolic links resolved) pass the
/// <see cref="RepositoryPolicy"/>; a git URL that passes it is cloned once into the data directory and reused, with git
/// itself told to refuse every transport but https and ssh.
/// </summary>
internal sealed class GitRepositoryLocator(IOptions<DataDirectoryOptions> options, RepositoryPolicy policy) : IRepositoryLocator
{
    private static readonly TimeSpan CloneTimeout = TimeSpan.FromMinutes(10);

    /// <summary>git configuration for clones of a URL: no transport but https and ssh (not file, ext, fd, git or http).</summary>
    public static readonly IReadOnlyList<string> CloneConfiguration =
    [
        "-c", "protocol.allow=never", "-c", "protocol.https.allow=always", "-c", "protocol.ssh.allow=always",
    ];

    public async Task<string> GetLocalPathAsync(string repository, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        policy.CheckAddress(repository);
        if (!RepositoryAddress.IsUrl(repository))
        {
            var path = Path.GetFullPath(repository);
            if (!Directory.Exists(path))
            {
                throw new ValidationFailedException(RepositoryPolicy.Field, $"'{repository}' does not exist or is not a directory.");
            }

            var real = RealPath.Resolve(path);
            policy.CheckLocalPath(real);
            return real;
        }

        var target = Path.Combine(options.Value.Folder(DataDirectoryOptions.RepositoriesFolder), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repository)))[..16]);
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
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CloneTimeout);
        try
        {
            await Git.RunAsync(Path.GetDirectoryName(target)!, [.. CloneConfiguration, "clone", "--quiet", "--no-recurse-submodules", "--", url, target], deadline.Token).ConfigureAwait(false);
        }
        catch (WorkspaceFailedException failure)
        {
            throw new ValidationFailedException(RepositoryPolicy.Field, $"git clone of '{url}' failed: {failure.Message}");
        }
    }
}
