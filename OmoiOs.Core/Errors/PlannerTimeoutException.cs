namespace OmoiOs.Core.Errors;

/// <summary>A planner's model did not answer within the configured time, retries included.</summary>
public sealed class PlannerTimeoutException(string planner, TimeSpan timeout, Exception? innerException = null)
    : OmoiException($"Planner '{planner}' did not answer within {timeout} (all attempts); raise the planner timeout or check the model server.", innerException)
{
    public string Planner { get; } = planner;

    public TimeSpan Timeout { get; } = timeout;
}
