namespace Microsoft.Azure.Functions.Worker;

/// <summary>Where an invocation stands in the host's retry policy.</summary>
public abstract class RetryContext
{
    public abstract int RetryCount { get; }

    public abstract int MaxRetryCount { get; }
}
