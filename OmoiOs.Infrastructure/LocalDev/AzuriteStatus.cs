namespace OmoiOs.Infrastructure.LocalDev;

/// <summary>Whether Azurite answers on the table port, and the process OmoiOs started there, if any.</summary>
/// <param name="Pid">The Azurite OmoiOs started for these settings and that is still alive; null when none is.</param>
/// <param name="Started">Whether this call started it.</param>
public sealed record AzuriteStatus(AzuriteSettings Settings, bool Listening, int? Pid, bool Started)
{
    public string Describe() => (Listening, Pid) switch
    {
        (true, { } pid) when Started => $"started Azurite (pid {pid}) on 127.0.0.1:{Settings.TablePort} with its data in {Settings.Directory}; it keeps running for later commands (`omoi storage stop` ends it)",
        (true, { } pid) => $"Azurite (pid {pid}) answers on 127.0.0.1:{Settings.TablePort} with its data in {Settings.Directory} (log: {Settings.LogFile}); `omoi storage stop` ends it",
        (true, null) => $"Azurite answers on 127.0.0.1:{Settings.TablePort} but omoi did not start it (no live pid in {Settings.PidFile}): stop it where it was started",
        (false, { } pid) => $"Azurite (pid {pid}) is running but does not answer on 127.0.0.1:{Settings.TablePort}; see {Settings.LogFile}",
        (false, null) => $"Azurite is not running (its data stays in {Settings.Directory})",
    };
}
