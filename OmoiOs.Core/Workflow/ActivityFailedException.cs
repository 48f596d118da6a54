namespace OmoiOs.Core.Workflow;

/// <summary>An activity failed after its retries; both engines raise this into workflow code.</summary>
public sealed class ActivityFailedException(string activityName, string failure, Exception? innerException = null)
    : Exception($"Activity {activityName} failed: {failure}", innerException)
{
    public string ActivityName { get; } = activityName;

    public string Failure { get; } = failure;
}
