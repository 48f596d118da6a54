namespace OmoiOs.Infrastructure.Sandboxes.Daytona;

/// <summary><c>POST /sandbox</c> body (camelCase on the wire).</summary>
internal sealed record DaytonaCreateSandbox(
    string? Snapshot,
    string? Name,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyDictionary<string, string> Labels,
    string? Target,
    int AutoStopInterval,
    bool NetworkBlockAll);

/// <summary>A sandbox as the API reports it; <c>state</c> is creating, starting, started, error, build_failed, archived…</summary>
internal sealed record DaytonaSandboxDto(string Id, string? State, string? ToolboxProxyUrl, string? ErrorReason);

internal sealed record DaytonaExecute(string Command, string? Cwd, int? Timeout);

internal sealed record DaytonaExecuteResponse(int ExitCode, string? Result);

internal sealed record DaytonaCreateSession(string SessionId);

internal sealed record DaytonaSessionExec(string Command, bool RunAsync);

internal sealed record DaytonaSessionExecResponse(string CmdId);

/// <summary>A session command; <c>exitCode</c> stays null while it runs.</summary>
internal sealed record DaytonaCommand(string Id, string? Command, int? ExitCode);
