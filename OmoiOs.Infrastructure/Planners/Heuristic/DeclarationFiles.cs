namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// TypeScript declaration files (<c>index.d.ts</c>) describe the types of code that lives beside them (<c>index.js</c>):
/// behaviour is implemented in that sibling, and only what is about the types goes into the declarations.
/// </summary>
public static class DeclarationFiles
{
    private static readonly string[] DeclarationSuffixes = [".d.ts", ".d.mts", ".d.cts"];

    private static readonly string[] ImplementationExtensions = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"];

    /// <summary>The existing file a declaration file describes (<c>index.d.ts</c> → <c>index.js</c>), or null when it is not one or has none.</summary>
    public static string? ImplementationOf(string path, IReadOnlySet<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return SuffixOf(path) is { } suffix
            ? ImplementationExtensions.Select(extension => path[..^suffix.Length] + extension).FirstOrDefault(existing.Contains)
            : null;
    }

    /// <summary>The existing type test of a declaration file, as tsd names it (<c>index.d.ts</c> → <c>index.test-d.ts</c>), or null.</summary>
    public static string? TypeTestOf(string path, IReadOnlySet<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var test = SuffixOf(path) is { } suffix ? $"{path[..^suffix.Length]}.test-d{suffix[2..]}" : null;
        return test is not null && existing.Contains(test) ? test : null;
    }

    /// <summary>The declaration suffix the path ends with (<c>.d.ts</c>), or null when it is no declaration file.</summary>
    private static string? SuffixOf(string path) =>
        DeclarationSuffixes.FirstOrDefault(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
