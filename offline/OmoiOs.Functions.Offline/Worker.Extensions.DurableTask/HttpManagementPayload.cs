namespace Microsoft.Azure.Functions.Worker;

/// <summary>The management URLs of an orchestration instance; only the extension sets them.</summary>
public class HttpManagementPayload
{
    public string? Id { get; internal set; }

    public string? StatusQueryGetUri { get; internal set; }

    public string? SendEventPostUri { get; internal set; }

    public string? TerminatePostUri { get; internal set; }

    public string? RewindPostUri { get; internal set; }

    public string? PurgeHistoryDeleteUri { get; internal set; }

    public string? RestartPostUri { get; internal set; }

    public string? SuspendPostUri { get; internal set; }

    public string? ResumePostUri { get; internal set; }
}
