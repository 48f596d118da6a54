using System.Text.RegularExpressions;

namespace OmoiOs.Tests.Deployment;

/// <summary>Flags text that looks like a credential: storage keys, SAS tokens, API keys, long base64 runs.</summary>
internal static partial class SecretLiteralScanner
{
    public static IReadOnlyList<string> Findings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<string>();
        foreach (var (name, pattern) in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                findings.Add($"{name}: '{Shorten(match.Value)}'");
            }
        }

        return findings;
    }

    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("storage account key in a connection string", AccountKey()),
        ("shared access signature", SharedAccessSignature()),
        ("Application Insights instrumentation key", InstrumentationKey()),
        ("API key with a well-known prefix", PrefixedApiKey()),
        ("long base64 or hex run", LongOpaqueRun()),
    ];

    private static string Shorten(string value) => value.Length <= 24 ? value : $"{value[..20]}…";

    [GeneratedRegex("AccountKey=", RegexOptions.IgnoreCase)]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"SharedAccessSignature=|[?&]sig=[A-Za-z0-9%+/=]{10,}", RegexOptions.IgnoreCase)]
    private static partial Regex SharedAccessSignature();

    [GeneratedRegex("InstrumentationKey=", RegexOptions.IgnoreCase)]
    private static partial Regex InstrumentationKey();

    [GeneratedRegex(@"\b(sk-(ant-)?[A-Za-z0-9_\-]{16,}|ghp_[A-Za-z0-9]{20,}|xox[bp]-[A-Za-z0-9\-]{10,}|AKIA[0-9A-Z]{16}|dtn_[A-Za-z0-9]{16,})")]
    private static partial Regex PrefixedApiKey();

    [GeneratedRegex("[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex LongOpaqueRun();
}
