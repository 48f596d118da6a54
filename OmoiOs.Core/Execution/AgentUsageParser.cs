using System.Globalization;
using System.Text.Json;

namespace OmoiOs.Core.Execution;

/// <summary>
/// Reads what an agent spent from its output: the last JSON line with <c>"type":"result"</c> (Claude Code's stream-json and
/// json output formats), taking <c>usage.*_tokens</c> and <c>total_cost_usd</c>. Cache reads and writes count as input tokens.
/// </summary>
public static class AgentUsageParser
{
    public static AgentUsage Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('{') && line.Contains("\"result\"", StringComparison.Ordinal) && TryParseResult(line, out var usage))
            {
                return usage;
            }
        }

        return AgentUsage.None;
    }

    private static bool TryParseResult(string line, out AgentUsage usage)
    {
        usage = AgentUsage.None;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "result")
            {
                return false;
            }

            long input = 0, output = 0;
            if (root.TryGetProperty("usage", out var tokens) && tokens.ValueKind == JsonValueKind.Object)
            {
                input = Number(tokens, "input_tokens") + Number(tokens, "cache_creation_input_tokens") + Number(tokens, "cache_read_input_tokens");
                output = Number(tokens, "output_tokens");
            }

            var cost = Cost(root, "total_cost_usd") ?? Cost(root, "cost_usd") ?? 0m;
            usage = new AgentUsage(input, output, cost);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;

    private static decimal? Cost(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
