namespace Microsoft.DurableTask;

/// <summary>Decides whether to retry a failed call.</summary>
public delegate bool RetryHandler(RetryContext retryContext);

/// <summary>Decides, asynchronously, whether to retry a failed call.</summary>
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);
