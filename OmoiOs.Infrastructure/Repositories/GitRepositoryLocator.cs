using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Infrastructure.Repositories;

/// <summary>A local directory is used where it is; a git URL is cloned once into the data directory and reused.</summary>
internal sealed class GitRepositoryLocator(IOptions<DataDirectoryOptions> options) : IRepositoryLocator
{
    private static readonly TimeSpan CloneTimeout = TimeSpan.FromMinutes(10);

    public async Task<string> GetLocalPathAsync(string repository, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        if (!RepositoryAddress.IsUrl(repository))
        {
            var path = Path.GetFullPath(repository);
            return Directory.Exists(path)
                ? path
                : throw new ValidationFailedException("repository", $"'{repository}' does not exist or is not a directory.");
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
            await Git.RunAsync(Path.GetDirectoryName(target)!, ["clone", "--quiet", "--", url, target], deadline.Token).ConfigureAwait(false);
        }
        catch (WorkspaceFailedException failure)
        {
            throw new ValidationFailedException("repository", $"git clone of '{url}' failed: {failure.Message}");
        }
    }
}
