using System.Text.RegularExpressions;
using OmoiOs.Core.Errors;

namespace OmoiOs.Core.Execution.Agents;

/// <summary>
/// The agents this host offers, by name: the built-in presets and the operator's own. A spec's <c>options.agent</c> must
/// name one of them; nothing a client sends is ever taken as a command or a path.
/// </summary>
public sealed partial class AgentCatalog
{
    /// <summary>The request field that names an agent.</summary>
    public const string Field = "options.agent";

    private const int MaxEchoedLength = 80;

    private readonly Dictionary<string, AgentDefinition> _agents;

    /// <param name="agents">The agents offered; a later definition of a name replaces an earlier one.</param>
    /// <param name="defaultName">The agent a spec that names none runs (<c>OMOI_AGENT</c>).</param>
    /// <exception cref="ValidationFailedException">On <c>OMOI_AGENTS</c> for a malformed name, on <c>OMOI_AGENT</c> for an unknown default.</exception>
    public AgentCatalog(IEnumerable<AgentDefinition> agents, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(agents);
        _agents = new Dictionary<string, AgentDefinition>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            if (!IsName(agent.Name))
            {
                throw new ValidationFailedException("OMOI_AGENTS", $"'{Echo(agent.Name)}' is not an agent name: lowercase letters, digits, '-' and '_', at most 40.");
            }

            if (string.IsNullOrWhiteSpace(agent.CommandTemplate))
            {
                throw new ValidationFailedException("OMOI_AGENTS", $"agent '{agent.Name}' has an empty command template.");
            }

            _agents[agent.Name] = agent;
        }

        Names = _agents.Keys.Order(StringComparer.Ordinal).ToList();
        var chosen = Normalize(defaultName);
        DefaultName = _agents.ContainsKey(chosen)
            ? chosen
            : throw new ValidationFailedException("OMOI_AGENT", $"'{Echo(defaultName)}' is not a defined agent; expected one of {string.Join(", ", Names)}.");
    }

    public string DefaultName { get; }

    /// <summary>Every agent a spec may name, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The agent called <paramref name="name"/>; null or blank means <see cref="DefaultName"/>.</summary>
    /// <exception cref="ValidationFailedException">On <see cref="Field"/>, listing the allowed names, when there is no such agent.</exception>
    public AgentDefinition Resolve(string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? DefaultName : Normalize(name);
        return _agents.TryGetValue(key, out var agent)
            ? agent
            : throw new ValidationFailedException(Field, $"'{Echo(name!)}' is not an agent this host offers; expected one of {string.Join(", ", Names)}.");
    }

    /// <summary>How a name is compared: trimmed and lowercase (environment variable names keep the operator's case).</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }

    public static bool IsName(string name) => name is not null && NamePattern().IsMatch(name);

    private static string Echo(string value) => value.Length <= MaxEchoedLength ? value : value[..MaxEchoedLength] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
