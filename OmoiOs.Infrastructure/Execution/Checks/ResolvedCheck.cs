namespace OmoiOs.Infrastructure.Execution.Checks;

/// <summary>The check a task runs, chosen in its sandbox, and why; <see cref="Candidate"/> is null when none can run.</summary>
public sealed record ResolvedCheck(CheckCandidate? Candidate, string Reason)
{
    public string? Command => Candidate?.Command;
}
