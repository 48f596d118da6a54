using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Agents;

/// <summary>The coding agent every task runs unless its spec names another.</summary>
public sealed class AgentOptions
{
    /// <summary>The keyword for the bundled deterministic example agent (offline, no key).</summary>
    public const string ExampleAgent = "example";

    /// <summary>
    /// A command template run by <c>/bin/sh -c</c> in the sandbox, e.g. <c>claude -p @{prompt} --output-format stream-json
    /// --verbose --permission-mode acceptEdits</c>; placeholders <c>{prompt}</c>, <c>{prompt_text}</c>, <c>{workspace}</c>.
    /// When its first word is a script on the host it is copied into the sandbox. <c>example</c>: the bundled example agent.
    /// </summary>
    [ConfigurationKeyName("OMOI_AGENT")]
    [Required]
    public string Agent { get; set; } = ExampleAgent;

    /// <summary>Names of host environment variables handed to the agent (e.g. <c>ANTHROPIC_API_KEY</c>), comma-separated. Nothing else is.</summary>
    [ConfigurationKeyName("OMOI_AGENT_PASS_ENV")]
    public string PassEnvironment { get; set; } = "";

    public IReadOnlyList<string> PassEnvironmentNames() =>
        PassEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
