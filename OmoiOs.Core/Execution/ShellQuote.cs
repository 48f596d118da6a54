namespace OmoiOs.Core.Execution;

/// <summary>POSIX shell quoting: any string becomes one literal word.</summary>
public static class ShellQuote
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary><c>export NAME='value'</c> lines for a script prologue; names must be shell identifiers.</summary>
    public static string Exports(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var lines = new List<string>();
        foreach (var (name, value) in variables)
        {
            if (!IsIdentifier(name))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(variables));
            }

            lines.Add($"export {name}={Quote(value)}");
        }

        return string.Join('\n', lines);
    }

    public static bool IsIdentifier(string name) =>
        !string.IsNullOrEmpty(name) && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
