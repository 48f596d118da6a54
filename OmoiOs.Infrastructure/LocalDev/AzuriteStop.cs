namespace OmoiOs.Infrastructure.LocalDev;

/// <summary>How a graceful stop of Azurite ended.</summary>
public enum AzuriteStopOutcome
{
    /// <summary>No Azurite OmoiOs started is running.</summary>
    NotRunning,

    /// <summary>It saved its tables and exited.</summary>
    Stopped,

    /// <summary>It saved its tables and closed its services but did not exit in time, so it was killed (nothing left to lose).</summary>
    KilledAfterSaving,

    /// <summary>It neither exited nor reported its tables saved in time; it is left running.</summary>
    TimedOut,
}

/// <summary>The outcome of <see cref="AzuriteLauncher.StopAsync"/>, with the pid and how long it took.</summary>
public sealed record AzuriteStop(AzuriteStopOutcome Outcome, int? Pid, TimeSpan Elapsed)
{
    public string Describe() => Outcome switch
    {
        AzuriteStopOutcome.NotRunning => "no Azurite started by omoi is running",
        AzuriteStopOutcome.Stopped => $"Azurite (pid {Pid}) saved its data and stopped in {Elapsed.TotalSeconds:0.0} s",
        AzuriteStopOutcome.KilledAfterSaving => $"Azurite (pid {Pid}) saved its data but did not exit within {Elapsed.TotalSeconds:0} s, so it was killed",
        _ => $"WARNING: Azurite (pid {Pid}) did not confirm saving its data within {Elapsed.TotalSeconds:0} s and is still running; " +
             "try `omoi storage stop` again. Killing it can lose the writes of its last ~5 s.",
    };
}
