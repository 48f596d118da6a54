namespace OmoiOs.Local.Cli;

/// <summary>What <c>omoi</c> returns; README lists the same table.</summary>
public static class ExitCodes
{
    /// <summary>Done: the command did what was asked (for <c>run</c>, the spec completed).</summary>
    public const int Success = 0;

    /// <summary>The spec ran but ended failed or cancelled.</summary>
    public const int SpecFailed = 1;

    /// <summary>Bad arguments or input (the message names the field).</summary>
    public const int InvalidInput = 2;

    /// <summary>Something OmoiOs needs is missing or unreachable (storage, bubblewrap, a setting).</summary>
    public const int Unavailable = 3;

    /// <summary>The named spec or record does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>The record's state does not allow the command (e.g. approve with nothing pending).</summary>
    public const int Conflict = 5;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Interrupted = 130;
}
