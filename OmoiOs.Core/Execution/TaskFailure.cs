using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>
/// Why one task did not complete, where the user looks: its key and title, failed or blocked, a one-line reason, and
/// the last lines of the output its last attempt failed on (empty for a blocked task).
/// </summary>
public sealed record TaskFailure(string TaskId, string Key, string Title, WorkTaskStatus Status, string Reason, IReadOnlyList<string> OutputTail);
