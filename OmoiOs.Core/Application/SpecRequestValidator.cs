using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution.Agents;
using OmoiOs.Core.Planning;

namespace OmoiOs.Core.Application;

/// <summary>
/// Checks a new spec's fields and fills in defaults; every problem is reported with its field's name. The agent must be
/// one the host offers (<see cref="AgentCatalog"/>) and the repository must pass <see cref="RepositoryPolicy"/>.
/// </summary>
public sealed class SpecRequestValidator(IPlannerSelector planners, SpecDefaults defaults, AgentCatalog agents, RepositoryPolicy repositories)
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 300_000;
    public const int MaxCommandLength = 10_000;
    public static readonly IReadOnlyList<string> Sandboxes = ["local", "daytona"];

    public (string Title, string Description, string Repository, SpecOptions Options) Validate(CreateSpecRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        Require(errors, "title", request.Title, MaxTitleLength);
        Require(errors, "description", request.Description, MaxDescriptionLength);
        Require(errors, RepositoryPolicy.Field, request.Repository, 2048);
        if (!errors.ContainsKey(RepositoryPolicy.Field))
        {
            Check(errors, () => repositories.CheckAddress(request.Repository!.Trim()));
        }

        var options = Options(request.Options ?? new SpecOptionsRequest(), errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return (request.Title!.Trim(), request.Description!.Trim(), request.Repository!.Trim(), options);
    }

    private SpecOptions Options(SpecOptionsRequest given, Dictionary<string, string[]> errors)
    {
        var standard = new SpecOptions();
        string planner;
        try
        {
            planner = planners.Resolve(given.Planner).Name;
        }
        catch (ValidationFailedException invalid)
        {
            errors["options.planner"] = invalid.Errors.Values.SelectMany(v => v).ToArray();
            planner = standard.Planner;
        }

        Range(errors, "options.maxParallelTasks", given.MaxParallelTasks, 1, 64);
        Range(errors, "options.taskTimeoutSeconds", given.TaskTimeoutSeconds, 10, 24 * 3600);
        Range(errors, "options.maxRetries", given.MaxRetries, 0, 10);
        Range(errors, "options.approvalTimeoutSeconds", given.ApprovalTimeoutSeconds, 1, 30 * 24 * 3600);
        if (given.BudgetUsd is <= 0)
        {
            errors["options.budgetUsd"] = ["must be greater than 0 when given."];
        }

        if (given.Sandbox is { } sandbox && !Sandboxes.Contains(sandbox))
        {
            errors["options.sandbox"] = [$"must be one of {string.Join(", ", Sandboxes)}."];
        }

        if (given.Agent is { } agent)
        {
            Check(errors, () => agents.Resolve(agent));
        }

        ShellCommand(errors, "options.checkCommand", given.CheckCommand);
        ShellCommand(errors, "options.setupCommand", given.SetupCommand);

        return new SpecOptions
        {
            Planner = planner,
            RequireApproval = given.RequireApproval?.Distinct().ToList() ?? standard.RequireApproval,
            MaxParallelTasks = given.MaxParallelTasks ?? defaults.MaxParallelTasks,
            BudgetUsd = given.BudgetUsd,
            Sandbox = given.Sandbox ?? standard.Sandbox,
            Agent = string.IsNullOrWhiteSpace(given.Agent) ? null : AgentCatalog.Normalize(given.Agent),
            TaskTimeoutSeconds = given.TaskTimeoutSeconds ?? defaults.TaskTimeoutSeconds,
            CheckCommand = string.IsNullOrWhiteSpace(given.CheckCommand) ? null : given.CheckCommand,
            SetupCommand = string.IsNullOrWhiteSpace(given.SetupCommand) ? null : given.SetupCommand,
            MaxRetries = given.MaxRetries ?? standard.MaxRetries,
            ApprovalTimeoutSeconds = given.ApprovalTimeoutSeconds ?? standard.ApprovalTimeoutSeconds,
            KeepTaskBranches = given.KeepTaskBranches ?? standard.KeepTaskBranches,
        };
    }

    private static void Check(Dictionary<string, string[]> errors, Action rule)
    {
        try
        {
            rule();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                errors[field] = messages;
            }
        }
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["is required."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"must be at most {maxLength:N0} characters (got {value.Length:N0})."];
        }
    }

    /// <summary>A command run by <c>/bin/sh -c</c> in the sandbox: optional, bounded, and passable as one argument.</summary>
    private static void ShellCommand(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > MaxCommandLength)
        {
            errors[field] = [$"must be at most {MaxCommandLength:N0} characters (got {value.Length:N0})."];
        }
        else if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors[field] = ["must not contain NUL characters."];
        }
    }

    private static void Range(Dictionary<string, string[]> errors, string field, int? value, int min, int max)
    {
        if (value is { } given && (given < min || given > max))
        {
            errors[field] = [$"must be between {min} and {max}."];
        }
    }
}
