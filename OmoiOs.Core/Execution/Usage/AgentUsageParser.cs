using OmoiOs.Core.Execution.Agents;

namespace OmoiOs.Core.Execution.Usage;

/// <summary>Reads what an agent spent from its output in the agent's own format; zero when it reported nothing.</summary>
public static class AgentUsageParser
{
    private static readonly Func<string, AgentUsage?>[] Detectable = [ClaudeUsage.Parse, CodexUsage.Parse, GeminiUsage.Parse, AiderUsage.Parse];

    public static AgentUsage Parse(AgentOutputFormat format, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var usage = format switch
        {
            AgentOutputFormat.Claude => ClaudeUsage.Parse(output),
            AgentOutputFormat.Codex => CodexUsage.Parse(output),
            AgentOutputFormat.Gemini => GeminiUsage.Parse(output),
            AgentOutputFormat.Aider => AiderUsage.Parse(output),
            _ => Detectable.Select(parse => parse(output)).FirstOrDefault(u => u is not null),
        };
        return usage ?? AgentUsage.None;
    }
}
