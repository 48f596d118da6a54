using System.Text;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Execution.Agents;
using OmoiOs.Core.Execution.Usage;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Infrastructure.Agents;

/// <summary>
/// Runs the command-line coding agent a spec chose from the host's <see cref="AgentCatalog"/>: writes the task's prompt to
/// <c>.omoi/prompt.md</c> in the workspace, copies an operator-defined host script into <c>.omoi/agent/</c>, expands the
/// command template and runs it in the sandbox with the task's timeout. Usage is read in the agent's own output format.
/// </summary>
public sealed class CommandAgentRunner : IAgentRunner
{
    public const string PromptFile = TaskWorkspaces.ControlDirectory + "/prompt.md";

    private readonly AgentOptions _options;
    private readonly AgentCatalog _catalog;

    public CommandAgentRunner(IOptions<AgentOptions> options, AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        _options = options.Value;
        _catalog = catalog;
    }

    public async Task<AgentRun> RunAsync(ISandbox sandbox, TaskRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(request);

        // Only a name comes from the spec; the command and any host script are the operator's.
        var agent = _catalog.Resolve(request.Spec.Options.Agent);
        var template = new AgentCommandTemplate(agent.CommandTemplate);
        var setup = "";
        if (HostScript(template.Program) is { } script)
        {
            var relative = $"{TaskWorkspaces.ControlDirectory}/agent/{Path.GetFileName(script)}";
            await sandbox.WriteFileAsync(relative, await File.ReadAllBytesAsync(script, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var inSandbox = $"{sandbox.WorkspacePath}/{relative}";
            template = template.WithProgram(inSandbox);
            setup = $"chmod +x {ShellQuote.Quote(inSandbox)} && ";
        }

        var branch = TaskBranchNames.ForTask(request.Spec, request.SpecTask);
        var prompt = AgentPrompt.Build(request, sandbox.WorkspacePath, branch);
        await sandbox.WriteFileAsync(PromptFile, Encoding.UTF8.GetBytes(prompt), cancellationToken).ConfigureAwait(false);
        var promptPath = $"{sandbox.WorkspacePath}/{PromptFile}";
        var command = template.Expand(promptPath, prompt, sandbox.WorkspacePath);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OMOI_PROMPT_FILE"] = promptPath,
            ["OMOI_TASK_ID"] = request.Task.Id,
            ["OMOI_TASK_KEY"] = request.SpecTask.Key,
            ["OMOI_ATTEMPT"] = request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var name in _options.PassEnvironmentNames())
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, request.Task.TimeoutSeconds));
        var result = await sandbox.RunAsync(new SandboxCommand(setup + command, timeout) { Environment = environment }, cancellationToken).ConfigureAwait(false);
        return new AgentRun(command, result, AgentUsageParser.Parse(agent.OutputFormat, result.Output));
    }

    // A program given as a host path outside the sandbox's read-only system directories must be carried in.
    private static string? HostScript(string program)
    {
        var path = program.Trim('\'', '"');
        return Path.IsPathRooted(path) && !path.StartsWith("/usr/", StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
