using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Agents;

/// <summary>
/// The agents this host offers and the one every task runs unless its spec names another. Agents are only ever defined
/// here, by the operator: a spec's <c>options.agent</c> chooses one by name.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>The name of the default agent: a preset (<see cref="AgentPresets"/>) or one of <see cref="Agents"/>.</summary>
    [ConfigurationKeyName("OMOI_AGENT")]
    [Required]
    public string Agent { get; set; } = AgentPresets.Example;

    /// <summary>
    /// The operator's own agents, name → command template (<c>OMOI_AGENTS__&lt;name&gt;</c>), run by <c>/bin/sh -c</c> in the
    /// sandbox with the placeholders <c>{prompt}</c>, <c>{prompt_text}</c>, <c>{workspace}</c>. When a template's first word
    /// is a script on the host it is copied into the sandbox. A name equal to a preset's replaces that preset's command.
    /// </summary>
    [ConfigurationKeyName("OMOI_AGENTS")]
    public Dictionary<string, string> Agents { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of host environment variables handed to the agent (e.g. <c>ANTHROPIC_API_KEY</c>), comma-separated. Nothing else is.</summary>
    [ConfigurationKeyName("OMOI_AGENT_PASS_ENV")]
    public string PassEnvironment { get; set; } = "";

    public IReadOnlyList<string> PassEnvironmentNames() =>
        PassEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
