using System.Text.Json.Serialization;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Execution;

[JsonConverter(typeof(SnakeCaseEnumConverter<TaskRunVerdict>))]
public enum TaskRunVerdict
{
    /// <summary>The agent's work passed its checks and is merged into the spec branch.</summary>
    Completed,

    /// <summary>Checks failed or the merge conflicted; <see cref="TaskRunOutcome.Feedback"/> says why.</summary>
    NeedsRevision,

    /// <summary>The attempt could not run at all (sandbox refused, agent missing, timeout).</summary>
    Failed,
}

/// <summary>What one attempt of a task came to. <see cref="Log"/> is the full log, stored untruncated.</summary>
public sealed record TaskRunOutcome(TaskRunVerdict Verdict, WorkTaskResult Result, string? Feedback, string? Error, string Log)
{
    /// <summary>
    /// False when another attempt would fail the same way, whatever the agent does (the setup step failed, no check can
    /// run in the sandbox, the check's command is not there): the task fails at once instead of being retried.
    /// </summary>
    public bool Retryable { get; init; } = true;
}
