namespace OmoiOs.Infrastructure.Execution.Checks;

/// <summary>One way to run a repository's check in the sandbox, and how to tell whether the sandbox can.</summary>
/// <param name="Command">The shell command that runs the check.</param>
/// <param name="Probe">A shell command that succeeds only when the sandbox can run <paramref name="Command"/>; null: run it unprobed.</param>
/// <param name="Needs">What the probe looks for, in words ("pytest importable by python3").</param>
public sealed record CheckCandidate(string Command, string? Probe, string Needs)
{
    /// <summary>What the command does when it stands in for another, said in the task's log; empty for the command planned.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>Why the command sets PYTHONPATH, said in the plan and the task's check reason; empty when it sets none.</summary>
    public string ImportPathReason { get; init; } = "";

    /// <summary>Whether the command runs OmoiOs's own Python test runner, written into the workspace just before the check.</summary>
    public bool UsesPythonTestRunner { get; init; }
}
