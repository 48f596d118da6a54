using System.Text.RegularExpressions;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// The names a code file defines (types, functions, methods), read with one pattern for the common languages' keywords
/// (<c>struct</c>, <c>impl … for</c>, <c>class</c>, <c>def</c>, <c>function</c>, <c>func (r *T)</c> …). Rough on
/// purpose: it is enough to tell that the spec's <c>`Buffer::format`</c> lives in the file that defines <c>Buffer</c>.
/// </summary>
public static partial class CodeDefinitions
{
    public const int MaxPerFile = 256;

    [GeneratedRegex(@"\b(?:struct|enum|trait|union|class|interface|record|protocol|module|object|type|fn|def|function|func)\s+(?:\([^)\n]*\)\s*)?(?<name>[A-Za-z_$][A-Za-z0-9_$]*)|\bimpl\b(?:\s*<[^>\n]*>)?(?:\s+[A-Za-z_][A-Za-z0-9_:<>, ]*?\s+for)?\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.None, 1000)]
    private static partial Regex Definition();

    /// <summary>Each name <paramref name="code"/> defines, once, in order, at most <see cref="MaxPerFile"/>.</summary>
    public static IReadOnlyList<string> In(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var match = Definition().Match(code); match.Success && names.Count < MaxPerFile; match = match.NextMatch())
            {
                if (seen.Add(match.Groups["name"].Value))
                {
                    names.Add(match.Groups["name"].Value);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological file keeps what was read so far.
        }

        return names;
    }
}
