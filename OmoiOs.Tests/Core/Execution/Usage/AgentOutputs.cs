namespace OmoiOs.Tests.Core.Execution.Usage;

/// <summary>Agent outputs recorded in each tool's documented format (OmoiOs.Tests/Samples/Agents).</summary>
internal static class AgentOutputs
{
    public static string Claude => Read("claude-stream.jsonl");

    public static string Codex => Read("codex-exec.jsonl");

    public static string Gemini => Read("gemini-stream.jsonl");

    public static string Aider => Read("aider-output.txt");

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Agents", name));
}
