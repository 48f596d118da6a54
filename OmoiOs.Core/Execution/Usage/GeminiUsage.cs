using System.Text.Json;

namespace OmoiOs.Core.Execution.Usage;

/// <summary>
/// Gemini CLI's usage from its stream-json events: <c>init</c> names the model, the last <c>result</c> has <c>stats</c>
/// with <c>input_tokens</c> (cached ones included), <c>cached</c> and <c>output_tokens</c>, or the same per model under
/// <c>stats.models</c>. Dollars are taken when reported (<c>total_cost_usd</c>), else the tokens at the model's price.
/// </summary>
public static class GeminiUsage
{
    public static AgentUsage? Parse(string output)
    {
        var events = JsonLines.Objects(output).ToList();
        var result = events.LastOrDefault(e => JsonLines.Text(e, "type") == "result" && JsonLines.Member(e, "stats").ValueKind == JsonValueKind.Object);
        if (result.ValueKind == default)
        {
            return null;
        }

        var model = events.Where(e => JsonLines.Text(e, "type") == "init").Select(e => JsonLines.Text(e, "model")).LastOrDefault(m => m is not null);
        var stats = JsonLines.Member(result, "stats");
        var perModel = JsonLines.Member(stats, "models");
        var parts = perModel.ValueKind == JsonValueKind.Object && perModel.EnumerateObject().Any()
            ? perModel.EnumerateObject().Select(m => (Model: (string?)m.Name, Tokens: m.Value)).ToList()
            : [(model, stats)];

        long input = 0, produced = 0;
        var cost = 0m;
        foreach (var (name, tokens) in parts)
        {
            var partInput = JsonLines.Count(tokens, "input_tokens");
            var partOutput = JsonLines.Count(tokens, "output_tokens");
            input += partInput;
            produced += partOutput;
            cost += TokenPrices.For(name, TokenPrices.GeminiDefaultModel).Cost(partInput, JsonLines.Count(tokens, "cached"), partOutput);
        }

        return new AgentUsage(input, produced, JsonLines.Dollars(stats, "total_cost_usd") ?? cost);
    }
}
