namespace OmoiOs.Core.Execution.Usage;

/// <summary>
/// Codex's usage: every <c>turn.completed</c> event of <c>codex exec --json</c> carries
/// <c>usage.input_tokens</c> (cached ones included), <c>usage.cached_input_tokens</c> and <c>usage.output_tokens</c>.
/// Codex reports no dollars, so the cost is the tokens at <see cref="TokenPrices.CodexDefaultModel"/>'s price.
/// </summary>
public static class CodexUsage
{
    public static AgentUsage? Parse(string output)
    {
        var turns = JsonLines.Objects(output).Where(e => JsonLines.Text(e, "type") == "turn.completed").Select(e => JsonLines.Member(e, "usage")).ToList();
        if (turns.Count == 0)
        {
            return null;
        }

        long input = turns.Sum(u => JsonLines.Count(u, "input_tokens"));
        long cached = turns.Sum(u => JsonLines.Count(u, "cached_input_tokens"));
        long produced = turns.Sum(u => JsonLines.Count(u, "output_tokens"));
        var price = TokenPrices.For(null, TokenPrices.CodexDefaultModel);
        return new AgentUsage(input, produced, price.Cost(input, cached, produced));
    }
}
