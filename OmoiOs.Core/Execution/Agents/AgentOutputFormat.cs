namespace OmoiOs.Core.Execution.Agents;

/// <summary>How an agent reports what it spent, so its usage can be read from its output.</summary>
public enum AgentOutputFormat
{
    /// <summary>Claude Code's <c>--output-format stream-json</c> (or <c>json</c>): a final <c>"type":"result"</c> line with <c>usage</c> and <c>total_cost_usd</c>.</summary>
    Claude,

    /// <summary>Codex's <c>exec --json</c> JSON Lines: <c>turn.completed</c> events with <c>usage</c>; no dollars.</summary>
    Codex,

    /// <summary>Gemini CLI's <c>--output-format stream-json</c>: <c>init</c> names the model, <c>result</c> carries <c>stats</c>; no dollars.</summary>
    Gemini,

    /// <summary>Aider's printed <c>Tokens: … sent, … received. Cost: $… message, $… session.</c> lines.</summary>
    Aider,

    /// <summary>An operator's own agent: whichever of the formats above its output turns out to hold.</summary>
    Detect,
}
