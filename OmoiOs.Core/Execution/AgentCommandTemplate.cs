using System.Text.RegularExpressions;
using OmoiOs.Core.Errors;

namespace OmoiOs.Core.Execution;

/// <summary>
/// An agent command line with placeholders, run by <c>/bin/sh -c</c> inside the sandbox:
/// <c>{prompt}</c> the prompt file's path, <c>{prompt_text}</c> the prompt itself, <c>{workspace}</c> the workspace path.
/// Each is replaced by one shell-quoted word, so <c>claude -p @{prompt}</c> passes Claude Code an <c>@file</c> mention.
/// </summary>
public sealed class AgentCommandTemplate
{
    public const string PromptPlaceholder = "{prompt}";
    public const string PromptTextPlaceholder = "{prompt_text}";
    public const string WorkspacePlaceholder = "{workspace}";

    private static readonly Regex Placeholders = new(@"\{prompt_text\}|\{prompt\}|\{workspace\}", RegexOptions.CultureInvariant);

    public AgentCommandTemplate(string template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            throw new ValidationFailedException("OMOI_AGENT", "The agent command template is empty.");
        }

        Template = template.Trim();
    }

    public string Template { get; }

    /// <summary>The first word of the template: the program or script it runs.</summary>
    public string Program => Template.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];

    public string Expand(string promptPath, string promptText, string workspacePath)
    {
        ArgumentNullException.ThrowIfNull(promptPath);
        ArgumentNullException.ThrowIfNull(promptText);
        ArgumentNullException.ThrowIfNull(workspacePath);

        // One pass, so a placeholder inside the prompt text is never expanded again.
        return Placeholders.Replace(Template, match => ShellQuote.Quote(match.Value switch
        {
            PromptTextPlaceholder => promptText,
            PromptPlaceholder => promptPath,
            _ => workspacePath,
        }));
    }

    /// <summary>The same template with its program replaced (a host script copied into the sandbox).</summary>
    public AgentCommandTemplate WithProgram(string program)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        var rest = Template[Program.Length..];
        return new AgentCommandTemplate(ShellQuote.Quote(program) + rest);
    }
}
