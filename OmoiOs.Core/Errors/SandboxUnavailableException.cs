namespace OmoiOs.Core.Errors;

/// <summary>A sandbox could not be created or kept alive (bubblewrap missing, remote sandbox in an error state, start timed out).</summary>
public sealed class SandboxUnavailableException(string provider, string reason, Exception? innerException = null)
    : OmoiException($"The '{provider}' sandbox is unavailable: {reason}", innerException)
{
    public string Provider { get; } = provider;

    public string Reason { get; } = reason;
}
