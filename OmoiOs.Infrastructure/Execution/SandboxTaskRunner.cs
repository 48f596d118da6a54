using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Execution.Checks;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Infrastructure.Execution;

/// <summary>
/// Runs one attempt of a task: a fresh clone of the spec branch on the task branch, the repository's setup step and
/// the choice of the check (probed) in a sandbox, the agent there, the agent's changes committed and bundled inside the
/// sandbox, fetched into the user's repository as the task branch, the check in the same sandbox, and on success a
/// merge into the spec branch. Checks failing or a merge conflict give <see cref="TaskRunVerdict.NeedsRevision"/> with
/// feedback; infrastructure trouble and limits hit give <see cref="TaskRunVerdict.Failed"/>, and so do a failed setup
/// step and a check that cannot run, which no further attempt could change (not retried).
/// Re-running an attempt whose task branch is already merged reports it completed without running anything.
/// </summary>
public sealed class SandboxTaskRunner : ITaskRunner
{
    private const string BundleFile = TaskWorkspaces.ControlDirectory + "/task.bundle";
    private const string RepositorySetupScript = TaskWorkspaces.ControlDirectory + "/setup.sh";
    private const int FeedbackTailChars = 16_000;
    private static readonly TimeSpan CommitTimeout = TimeSpan.FromMinutes(5);

    // Runs inside the sandbox: the host never runs git in a workspace the agent has touched.
    private const string CommitScript = """
        set -e
        git add -A
        if ! git diff --cached --quiet; then
          git -c core.hooksPath=/dev/null -c commit.gpgsign=false commit --quiet --no-verify -m "$OMOI_COMMIT_MESSAGE"
        fi
        rm -f .omoi/task.bundle
        if [ "$(git rev-parse HEAD)" != "$OMOI_BASE_COMMIT" ]; then
          git bundle create --quiet .omoi/task.bundle "$OMOI_BASE_COMMIT..HEAD"
          echo "committed $(git rev-parse HEAD)"
        else
          echo "no changes"
        fi
        """;

    private readonly ISandboxProvider _sandboxes;
    private readonly IAgentRunner _agent;
    private readonly SandboxCheckResolver _checks;
    private readonly TaskWorkspaces _workspaces;
    private readonly SandboxOptions _options;
    private readonly ILogger<SandboxTaskRunner> _logger;

    public SandboxTaskRunner(
        ISandboxProvider sandboxes,
        IAgentRunner agent,
        SandboxCheckResolver checks,
        TaskWorkspaces workspaces,
        IOptions<SandboxOptions> options,
        ILogger<SandboxTaskRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(sandboxes);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(workspaces);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _sandboxes = sandboxes;
        _agent = agent;
        _checks = checks;
        _workspaces = workspaces;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var log = new TaskRunLog();
        var clock = Stopwatch.StartNew();
        var repository = request.Spec.Repository;
        var specBranch = TaskBranchNames.ForSpec(request.Spec);
        var taskBranch = TaskBranchNames.ForTask(request.Spec, request.SpecTask);
        var attempt = new Attempt(log, new WorkTaskResult { Branch = taskBranch });
        try
        {
            if (!Directory.Exists(repository))
            {
                return attempt.Failed($"The repository '{repository}' is not a local directory; tasks run against a local git repository.", clock);
            }

            var specTip = await SpecBranches.EnsureSpecBranchAsync(repository, specBranch, cancellationToken).ConfigureAwait(false);
            var name = $"{request.Spec.Id}/{taskBranch[(taskBranch.LastIndexOf('/') + 1)..]}";
            if (await SpecBranches.FindMergeAsync(repository, specBranch, taskBranch, cancellationToken).ConfigureAwait(false) is { } merged)
            {
                // A run that merged and then died (a killed worker) left its workspace, mounted volume and all.
                await _workspaces.DeleteLeftoverAsync(name, cancellationToken).ConfigureAwait(false);
                log.Step("already merged", $"{taskBranch} is already in {specBranch} ({merged}); nothing to run");
                attempt.Update(r => r with { MergedCommit = merged, ChecksPassed = true });
                if (await Git.ResolveAsync(repository, "refs/heads/" + taskBranch, cancellationToken).ConfigureAwait(false) is { } tip)
                {
                    await DeleteMergedBranchAsync(request, repository, taskBranch, tip, log, cancellationToken).ConfigureAwait(false);
                }

                return attempt.Completed(clock);
            }

            var workspace = await _workspaces.CreateAsync(repository, specBranch, taskBranch, name, cancellationToken).ConfigureAwait(false);
            log.Step("workspace", $"{workspace.Path}: clone of {repository} at {specBranch} ({specTip}) on new branch {taskBranch}{(workspace.QuotaMounted ? ", quota-limited volume" : "")}");
            try
            {
                return await RunInWorkspaceAsync(request, workspace, attempt, clock, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await _workspaces.DeleteAsync(workspace, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OmoiException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(exception, "Task {TaskId} attempt {Attempt} failed in the infrastructure.", request.Task.Id, request.Attempt);
            return attempt.Failed(exception.Message, clock);
        }
    }

    private async Task<TaskRunOutcome> RunInWorkspaceAsync(TaskRunRequest request, TaskWorkspace workspace, Attempt attempt, Stopwatch clock, CancellationToken cancellationToken)
    {
        var log = attempt.Log;
        var sandboxRequest = new SandboxRequest { Name = $"{request.Task.Id}-a{request.Attempt}", WorkspacePath = workspace.Path, AllowNetwork = _options.AllowNetwork };
        await using var sandbox = await _sandboxes.CreateAsync(sandboxRequest, cancellationToken).ConfigureAwait(false);
        log.Step("sandbox", $"{_sandboxes.Name} sandbox {sandbox.Id}, workspace at {sandbox.WorkspacePath}");

        var setup = SetupStep(request, workspace);
        if (setup is not null && await RunSetupAsync(setup.Value, request, sandbox, attempt, clock, cancellationToken).ConfigureAwait(false) is { } setupFailed)
        {
            return setupFailed;
        }

        var check = await ChooseCheckAsync(request, sandbox, setup?.Source, cancellationToken).ConfigureAwait(false);
        if (check is not null)
        {
            attempt.Update(r => r with { CheckCommand = check.Command, CheckReason = check.Reason });
            if (check.Candidate is null)
            {
                log.Step("check", check.Reason);
                return attempt.Failed($"The check `{request.CheckCommand}` cannot run: {check.Reason}.", clock, retryable: false);
            }

            log.Step("check chosen", $"`{check.Command}`: {check.Reason}");
        }

        // The agent is told the check that will run, not the one planned.
        var agent = await _agent.RunAsync(sandbox, request with { CheckCommand = check?.Command }, cancellationToken).ConfigureAwait(false);
        log.Command("agent", agent.Command, agent.Result);
        attempt.Update(r => r with
        {
            ExitCode = agent.Result.ExitCode,
            AgentDurationMs = (long)agent.Result.Duration.TotalMilliseconds,
            CostUsd = agent.Usage.CostUsd,
            InputTokens = agent.Usage.InputTokens,
            OutputTokens = agent.Usage.OutputTokens,
        });
        if (agent.Result.LimitsHit is { } limits)
        {
            return attempt.Failed($"The agent was stopped by the sandbox: {limits}.", clock);
        }

        if (agent.Result.ExitCode is 126 or 127)
        {
            return attempt.Failed($"The agent command could not be run (exit {agent.Result.ExitCode}): {Tail(agent.Result.Output, 2000).Trim()}", clock);
        }

        if (agent.Result.ExitCode != 0)
        {
            return attempt.NeedsRevision($"The agent exited with code {agent.Result.ExitCode}. The end of its output:\n{Tail(agent.Result.Output)}", clock);
        }

        var commitCommand = new SandboxCommand(CommitScript, CommitTimeout) { Environment = CommitEnvironment(request, workspace) };
        var commit = await sandbox.RunAsync(commitCommand, cancellationToken).ConfigureAwait(false);
        log.Command("commit (in the sandbox)", "git add -A && git commit && git bundle create", commit);
        if (!commit.Succeeded)
        {
            return attempt.NeedsRevision($"Committing the agent's changes failed (exit {commit.ExitCode}):\n{Tail(commit.Output)}", clock);
        }

        // Taken before the check runs: the check executes the agent's code, which must not be able to swap what gets merged.
        var bundle = await sandbox.ReadFileAsync(BundleFile, cancellationToken).ConfigureAwait(false);
        var tip = "";
        if (bundle is not null)
        {
            tip = await SpecBranches.ImportTaskBranchAsync(workspace.Repository, workspace.TaskBranch, bundle, cancellationToken).ConfigureAwait(false);
            var diffStat = await SpecBranches.DiffStatAsync(workspace.Repository, workspace.BaseCommit, tip, cancellationToken).ConfigureAwait(false);
            attempt.Update(r => r with { DiffStat = diffStat });
            log.Step("task branch", $"{workspace.TaskBranch} at {tip} in {workspace.Repository}\n{diffStat}");
        }
        else
        {
            log.Step("task branch", "the agent changed nothing; no task branch");
        }

        if (check?.Candidate is not { } candidate)
        {
            log.Step("check", "no check command; passing without checks");
        }
        else
        {
            if (candidate.UsesPythonTestRunner)
            {
                // Written after the agent ran, so the runner that checks its work is OmoiOs's own.
                await sandbox.WriteFileAsync(CheckCatalog.PythonRunnerPath, PythonTestRunner.Content, cancellationToken).ConfigureAwait(false);
            }

            var ran = await sandbox.RunAsync(new SandboxCommand(candidate.Command, _options.CheckTimeout), cancellationToken).ConfigureAwait(false);
            log.Command("check", candidate.Command, ran);
            attempt.Update(r => r with { CheckExitCode = ran.ExitCode, CheckDurationMs = (long)ran.Duration.TotalMilliseconds });
            if (ran.LimitsHit is null && ran.ExitCode is 126 or 127)
            {
                return attempt.Failed($"The check `{candidate.Command}` could not run (exit {ran.ExitCode}): {Tail(ran.Output, 2000).Trim()}\n{CheckCatalog.WaysToProvideTools}.", clock, retryable: false);
            }

            if (!ran.Succeeded)
            {
                var why = ran.LimitsHit is { } hit ? $"stopped by {hit}" : $"exit {ran.ExitCode}";
                return attempt.NeedsRevision($"The check `{candidate.Command}` failed ({why}). The end of its output:\n{Tail(ran.Output)}", clock);
            }
        }

        attempt.Update(r => r with { ChecksPassed = true });
        if (bundle is null)
        {
            return attempt.Completed(clock);
        }

        var message = SpecBranches.MergeSubject(request.SpecTask.Key, request.SpecTask.Title, workspace.TaskBranch);
        var merge = await SpecBranches.MergeAsync(workspace.Repository, workspace.SpecBranch, workspace.TaskBranch, message, cancellationToken).ConfigureAwait(false);
        if (!merge.Succeeded)
        {
            log.Step("merge", $"conflict merging {workspace.TaskBranch} into {workspace.SpecBranch}: {string.Join(", ", merge.ConflictedFiles)} {merge.Reason}");
            return attempt.NeedsRevision(
                $"Merging this task into {workspace.SpecBranch} conflicted in: {string.Join(", ", merge.ConflictedFiles)}{(merge.Reason is null ? "" : $" ({merge.Reason})")}. " +
                "Other tasks changed the same lines since this attempt started; the next attempt starts from the current spec branch.",
                clock);
        }

        log.Step("merge", $"{workspace.TaskBranch} merged into {workspace.SpecBranch} as {merge.Commit}");
        attempt.Update(r => r with { MergedCommit = merge.Commit });
        await DeleteMergedBranchAsync(request, workspace.Repository, workspace.TaskBranch, tip, log, cancellationToken).ConfigureAwait(false);
        return attempt.Completed(clock);
    }

    /// <summary>The spec's setup command, else the repository's <c>.omoi/setup.sh</c> (run by sh in the sandbox, never on the host).</summary>
    private static (string Command, string Source)? SetupStep(TaskRunRequest request, TaskWorkspace workspace)
    {
        if (request.Spec.Options.SetupCommand is { } command)
        {
            return (command, "options.setupCommand");
        }

        var script = new FileInfo(Path.Combine(workspace.Path, RepositorySetupScript));
        return script.Exists || script.LinkTarget is not null ? ($"sh {RepositorySetupScript}", $"{RepositorySetupScript} in the repository") : null;
    }

    /// <summary>Runs the setup step in the sandbox before the agent; its failure is the attempt's outcome (not retried), else null.</summary>
    private async Task<TaskRunOutcome?> RunSetupAsync((string Command, string Source) setup, TaskRunRequest request, ISandbox sandbox, Attempt attempt, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Network for one command is a bubblewrap feature; a Daytona sandbox's network is fixed when it is created.
        var network = _options.SetupNetwork && _sandboxes.Name == SandboxOptions.Local;
        var command = new SandboxCommand(setup.Command, TimeSpan.FromSeconds(request.Task.TimeoutSeconds)) { AllowNetwork = network };
        var ran = await sandbox.RunAsync(command, cancellationToken).ConfigureAwait(false);
        attempt.Log.Command($"setup ({setup.Source}; network {(network || _options.AllowNetwork ? "allowed" : "off")})", setup.Command, ran);
        if (ran.Succeeded)
        {
            return null;
        }

        var why = ran.LimitsHit is { } hit ? $"stopped by {hit}" : $"exit {ran.ExitCode}";
        return attempt.Failed($"The setup step ({setup.Source}) failed ({why}). The end of its output:\n{Tail(ran.Output)}", clock, retryable: false);
    }

    /// <summary>A check the spec names runs as given; a detected one is probed for in the sandbox (once per run and setup step).</summary>
    private async Task<ResolvedCheck?> ChooseCheckAsync(TaskRunRequest request, ISandbox sandbox, string? setupSource, CancellationToken cancellationToken)
    {
        if (request.Spec.Options.CheckCommand is { } given)
        {
            return new ResolvedCheck(new CheckCandidate(given, null, ""), "the spec's options.checkCommand, run as given");
        }

        if (string.IsNullOrWhiteSpace(request.CheckCommand))
        {
            return null;
        }

        var runKey = $"{request.Spec.Id}\n{request.Spec.Options.SetupCommand ?? setupSource ?? "no setup"}";
        return await _checks.ResolveAsync(sandbox, runKey, request.CheckCommand, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A merged task branch is in the spec branch's history and its merge commit names it, so it only piles up
    /// (unless the spec keeps task branches). The merge is already done: a failure here is logged, not the task's.
    /// </summary>
    private async Task DeleteMergedBranchAsync(TaskRunRequest request, string repository, string taskBranch, string tip, TaskRunLog log, CancellationToken cancellationToken)
    {
        if (request.Spec.Options.KeepTaskBranches)
        {
            return;
        }

        try
        {
            var deleted = await SpecBranches.DeleteTaskBranchAsync(repository, taskBranch, tip, cancellationToken).ConfigureAwait(false);
            log.Step("task branch", deleted ? $"{taskBranch} deleted (merged; --keep-task-branches keeps it)" : $"{taskBranch} kept: it moved since the merge");
        }
        catch (WorkspaceFailedException failed)
        {
            _logger.LogWarning(failed, "Deleting the merged task branch {Branch} failed.", taskBranch);
            log.Step("task branch", $"{taskBranch} could not be deleted: {failed.Message}");
        }
    }

    private static Dictionary<string, string> CommitEnvironment(TaskRunRequest request, TaskWorkspace workspace) => new(StringComparer.Ordinal)
    {
        ["OMOI_BASE_COMMIT"] = workspace.BaseCommit,
        ["OMOI_COMMIT_MESSAGE"] = $"{request.SpecTask.Key}: {request.SpecTask.Title}\n\nOmoiOs task {request.Task.Id}, attempt {request.Attempt}.",
        ["GIT_AUTHOR_NAME"] = "OmoiOs agent",
        ["GIT_AUTHOR_EMAIL"] = "agent@omoi.invalid",
        ["GIT_COMMITTER_NAME"] = "OmoiOs agent",
        ["GIT_COMMITTER_EMAIL"] = "agent@omoi.invalid",
    };

    private static string Tail(string text, int maxChars = FeedbackTailChars) =>
        text.Length <= maxChars ? text : "[...]\n" + text[^maxChars..];

    /// <summary>The result and log of one attempt as it is built up.</summary>
    private sealed class Attempt(TaskRunLog log, WorkTaskResult result)
    {
        public TaskRunLog Log { get; } = log;

        private WorkTaskResult Result { get; set; } = result;

        public void Update(Func<WorkTaskResult, WorkTaskResult> change) => Result = change(Result);

        public TaskRunOutcome Completed(Stopwatch clock) => Outcome(TaskRunVerdict.Completed, null, null, clock);

        public TaskRunOutcome NeedsRevision(string feedback, Stopwatch clock)
        {
            Log.Step("needs revision", feedback);
            return Outcome(TaskRunVerdict.NeedsRevision, feedback, null, clock);
        }

        public TaskRunOutcome Failed(string error, Stopwatch clock, bool retryable = true)
        {
            Log.Step(retryable ? "failed" : "failed (not retried: another attempt would fail the same way)", error);
            return Outcome(TaskRunVerdict.Failed, null, error, clock) with { Retryable = retryable };
        }

        private TaskRunOutcome Outcome(TaskRunVerdict verdict, string? feedback, string? error, Stopwatch clock) =>
            new(verdict, Result with { DurationMs = (long)clock.Elapsed.TotalMilliseconds }, feedback, error, Log.ToString());
    }
}
