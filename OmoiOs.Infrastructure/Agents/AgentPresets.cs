using OmoiOs.Core.Execution;
using OmoiOs.Core.Execution.Agents;

namespace OmoiOs.Infrastructure.Agents;

/// <summary>
/// The agents every host offers without configuration, each with its tool's documented headless invocation and output
/// format. The prompt file is given on standard input (or as Aider's message file), so no prompt can outgrow the
/// command line. Tools other than the bundled example must be installed where the sandbox sees them (see docs/sandboxes.md).
/// </summary>
public static class AgentPresets
{
    public const string Example = "example";
    public const string Claude = "claude";
    public const string Codex = "codex";
    public const string Gemini = "gemini";
    public const string Aider = "aider";

    /// <summary>Where the bundled example agent is installed next to the application.</summary>
    public static string ExampleAgentPath => Path.Combine(AppContext.BaseDirectory, "examples", "agent", "omoi-example-agent");

    private const string Prompt = AgentCommandTemplate.PromptPlaceholder;

    public static IReadOnlyList<AgentDefinition> All { get; } =
    [
        new(Example, $"{ShellQuote.Quote(ExampleAgentPath)} {Prompt}", AgentOutputFormat.Claude),
        new(Claude, $"claude -p --output-format stream-json --verbose --permission-mode acceptEdits < {Prompt}", AgentOutputFormat.Claude),
        new(Codex, $"codex exec --json --sandbox workspace-write --skip-git-repo-check - < {Prompt}", AgentOutputFormat.Codex),
        new(Gemini, $"gemini -p 'Carry out the task described above in this repository.' --output-format stream-json --approval-mode auto_edit < {Prompt}", AgentOutputFormat.Gemini),
        new(Aider, $"aider --message-file {Prompt} --yes-always --no-auto-commits --no-gitignore --no-check-update --no-pretty --no-stream", AgentOutputFormat.Aider),
    ];

    /// <summary>The presets and the operator's agents (<c>OMOI_AGENTS__&lt;name&gt;</c>), the default being <c>OMOI_AGENT</c>.</summary>
    public static AgentCatalog Catalog(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var presets = All.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var own = options.Agents.Select(a =>
        {
            var name = AgentCatalog.Normalize(a.Key);
            var format = presets.TryGetValue(name, out var preset) ? preset.OutputFormat : AgentOutputFormat.Detect;
            return new AgentDefinition(name, a.Value, format);
        });
        return new AgentCatalog(All.Concat(own), options.Agent);
    }
}
