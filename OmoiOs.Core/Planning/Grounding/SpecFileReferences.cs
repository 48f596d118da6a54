namespace OmoiOs.Core.Planning.Grounding;

/// <summary>
/// The existing files a text names: by path (<c>tests/test_itsdangerous/test_timed.py</c>), by a file name that is
/// unique in the repository (<c>timed.py</c>), or the root README when the text says README (in any case: "the readme").
/// </summary>
public static class SpecFileReferences
{
    private const int MinFileNameLength = 5;

    /// <summary>The named files in the repository, shortest path first, then ordinal.</summary>
    public static IReadOnlyList<string> Find(string text, RepositoryTree tree)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tree);
        if (text.Length == 0 || tree.IsEmpty)
        {
            return [];
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in tree.Files)
        {
            var name = RepositoryTree.NameOf(path);
            var byPath = path.Contains('/', StringComparison.Ordinal) && ContainsToken(text, path, StringComparison.Ordinal);
            var byName = name.Contains('.', StringComparison.Ordinal) && name.Length >= MinFileNameLength
                && tree.WithName(name).Count == 1 && ContainsToken(text, name, StringComparison.Ordinal);
            var readme = !path.Contains('/', StringComparison.Ordinal) && name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
                && ContainsToken(text, "README", StringComparison.OrdinalIgnoreCase);
            if (byPath || byName || readme)
            {
                named.Add(path);
            }
        }

        return named.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static bool ContainsToken(string text, string token, StringComparison comparison)
    {
        for (var at = text.IndexOf(token, comparison); at >= 0; at = text.IndexOf(token, at + 1, comparison))
        {
            var before = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '_' or '-' or '/');
            var end = at + token.Length;
            var after = end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-' or '/')
                && !(text[end] == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]));
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
