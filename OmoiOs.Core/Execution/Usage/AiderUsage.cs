using System.Globalization;
using System.Text.RegularExpressions;

namespace OmoiOs.Core.Execution.Usage;

/// <summary>
/// Aider's usage from the lines it prints after each reply:
/// <c>Tokens: 2.3k sent, 1.1k cache write, 8.0k cache hit, 412 received. Cost: $0.01 message, $0.03 session.</c>
/// Tokens are summed over the lines (<c>sent</c> as input, <c>received</c> as output, with Aider's <c>k</c>/<c>M</c>
/// rounding); the cost is the last <c>session</c> figure, which Aider keeps as a running total.
/// </summary>
public static partial class AiderUsage
{
    public static AgentUsage? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        long input = 0, produced = 0;
        decimal? cost = null;
        var found = false;
        foreach (Match line in TokensLine().Matches(output))
        {
            found = true;
            input += Tokens(line.Groups["sent"].Value);
            produced += Tokens(line.Groups["received"].Value);
        }

        foreach (Match line in CostLine().Matches(output))
        {
            found = true;
            cost = decimal.Parse(line.Groups["session"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        return found ? new AgentUsage(input, produced, cost ?? 0m) : null;
    }

    private static long Tokens(string text)
    {
        var multiplier = text[^1] switch
        {
            'k' or 'K' => 1_000m,
            'm' or 'M' => 1_000_000m,
            _ => 1m,
        };
        var number = multiplier == 1m ? text : text[..^1];
        return (long)Math.Round(decimal.Parse(number, NumberStyles.Number, CultureInfo.InvariantCulture) * multiplier, MidpointRounding.AwayFromZero);
    }

    [GeneratedRegex(@"Tokens:\s*(?<sent>\d+(?:\.\d+)?[kKmM]?) sent,(?:[^\n]*?,)?\s*(?<received>\d+(?:\.\d+)?[kKmM]?) received\.", RegexOptions.CultureInvariant)]
    private static partial Regex TokensLine();

    [GeneratedRegex(@"Cost:\s*\$(?<message>\d+(?:\.\d+)?) message,\s*\$(?<session>\d+(?:\.\d+)?) session\.", RegexOptions.CultureInvariant)]
    private static partial Regex CostLine();
}
