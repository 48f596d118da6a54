using System.Text.Json;

namespace OmoiOs.Core.Execution.Usage;

/// <summary>
/// Claude Code's usage: the last <c>"type":"result"</c> object of its stream-json (or json) output, with
/// <c>usage.*_tokens</c> and <c>total_cost_usd</c> (older versions: <c>cost_usd</c>). Cache writes and reads count as input.
/// </summary>
public static class ClaudeUsage
{
    public static AgentUsage? Parse(string output)
    {
        var result = JsonLines.Objects(output).LastOrDefault(e => JsonLines.Text(e, "type") == "result" && IsClaudes(e));
        if (result.ValueKind == default)
        {
            return null;
        }

        var usage = JsonLines.Member(result, "usage");
        var input = JsonLines.Count(usage, "input_tokens") + JsonLines.Count(usage, "cache_creation_input_tokens") + JsonLines.Count(usage, "cache_read_input_tokens");
        var cost = JsonLines.Dollars(result, "total_cost_usd") ?? JsonLines.Dollars(result, "cost_usd") ?? 0m;
        return new AgentUsage(input, JsonLines.Count(usage, "output_tokens"), cost);
    }

    // Gemini CLI also ends with a "result" event; Claude's carries usage or a cost at its top level.
    private static bool IsClaudes(JsonElement result) =>
        JsonLines.Member(result, "usage").ValueKind == JsonValueKind.Object
        || JsonLines.Dollars(result, "total_cost_usd") is not null
        || JsonLines.Dollars(result, "cost_usd") is not null;
}
