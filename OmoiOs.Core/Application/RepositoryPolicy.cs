using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;

namespace OmoiOs.Core.Application;

/// <summary>
/// Which repositories a spec may name, the same on both hosts: a local path only under one of the operator's roots
/// (<c>OMOI_REPOSITORY_ROOTS</c>), a git URL only over https or ssh (<c>ssh://</c> or scp-like <c>user@host:path</c>).
/// <c>file://</c>, <c>git://</c>, <c>http://</c> and remote-helper transports such as <c>ext::</c> are refused. The rules
/// here work on text; the repository locator applies <see cref="CheckLocalPath"/> again to the path with its symbolic
/// links resolved, so a link under a root cannot lead out of it.
/// </summary>
public sealed partial class RepositoryPolicy
{
    /// <summary>The request field that names the repository.</summary>
    public const string Field = "repository";

    public static readonly IReadOnlyList<string> UrlSchemes = ["https", "ssh"];

    public RepositoryPolicy(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        Roots = roots.Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The directories local repositories must lie in, absolute and normalized.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Checks a repository as a client wrote it.</summary>
    /// <exception cref="ValidationFailedException">On <see cref="Field"/>, saying which rule it breaks.</exception>
    public void CheckAddress(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.Any(char.IsControl))
        {
            throw Invalid("must not contain control characters.");
        }

        if (RepositoryAddress.IsUrl(repository))
        {
            CheckUrl(repository);
        }
        else
        {
            CheckLocalPath(repository);
        }
    }

    /// <summary>Checks that an absolute local path lies under one of <see cref="Roots"/> once <c>.</c> and <c>..</c> are resolved.</summary>
    /// <exception cref="ValidationFailedException">On <see cref="Field"/> when it does not.</exception>
    public void CheckLocalPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw Invalid("must be an absolute local path or a git URL (https://…, ssh://… or user@host:path).");
        }

        var normalized = Normalize(path);
        if (Roots.Count == 0)
        {
            throw Invalid("local repositories are not allowed on this host (OMOI_REPOSITORY_ROOTS is not set); use an https or ssh git URL.");
        }

        if (!Roots.Any(root => IsUnder(normalized, root)))
        {
            throw Invalid($"'{normalized}' is outside the repository roots this host allows ({string.Join(", ", Roots)}).");
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or inside it (both normalized).</summary>
    public static bool IsUnder(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        return root == "/" || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
    }

    private static void CheckUrl(string url)
    {
        // <transport>::<address> makes git run a remote helper (ext:: runs any command); git reads it before a URL.
        var helper = url.IndexOf("::", StringComparison.Ordinal);
        if (helper >= 0 && !url[..helper].Contains('/', StringComparison.Ordinal))
        {
            throw Invalid($"git transports named '{url[..helper]}::' are not allowed; use an https or ssh URL.");
        }

        if (url.Any(char.IsWhiteSpace))
        {
            throw Invalid("a git URL must not contain spaces.");
        }

        if (url.Contains("://", StringComparison.Ordinal))
        {
            var scheme = url[..url.IndexOf("://", StringComparison.Ordinal)].ToLowerInvariant();
            if (!UrlSchemes.Contains(scheme))
            {
                throw Invalid($"the '{scheme}' scheme is not allowed; use {string.Join(" or ", UrlSchemes)}.");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || uri.Host.StartsWith('-') || uri.AbsolutePath is "" or "/")
            {
                throw Invalid($"'{url}' is not a valid {scheme} URL of a repository.");
            }

            return;
        }

        if (!ScpLike().IsMatch(url))
        {
            throw Invalid("must be an absolute local path or a git URL (https://…, ssh://… or user@host:path).");
        }
    }

    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }

    private static ValidationFailedException Invalid(string message) => new(Field, message);

    // git's scp-like ssh syntax: [user@]host:path, with no slash before the colon. The host may not start with '-'
    // (it would reach ssh as an option).
    [GeneratedRegex(@"^(?:[A-Za-z0-9._~-]+@)?[A-Za-z0-9][A-Za-z0-9.-]*:[^:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpLike();
}
