namespace Microsoft.DurableTask.Client;

/// <summary>How many instances a purge removed.</summary>
public class PurgeResult
{
    public PurgeResult(int count)
    {
        if (count < 0)
        {
            throw new ArgumentException("Count must be non-negative", nameof(count));
        }

        PurgedInstanceCount = count;
    }

    public PurgeResult(int count, bool? isComplete)
        : this(count)
    {
        IsComplete = isComplete;
    }

    public int PurgedInstanceCount { get; }

    public bool? IsComplete { get; }
}
