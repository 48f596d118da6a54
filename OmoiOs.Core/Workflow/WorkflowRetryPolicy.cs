using OmoiOs.Core.Errors;

namespace OmoiOs.Core.Workflow;

/// <summary>
/// An activity's retry policy, with the same meaning as Durable's <c>RetryPolicy</c>. Only failures that another attempt
/// could cure are retried (<see cref="Retries"/>): storage outages, timeouts, a crashed sandbox. Bad input, a missing record,
/// a conflict or an illegal transition would fail the same way again, so they fail the activity at once.
/// </summary>
public sealed record WorkflowRetryPolicy
{
    private static readonly Type[] PermanentFailures =
    [
        typeof(ArgumentException),
        typeof(ValidationFailedException),
        typeof(NotFoundException),
        typeof(ConflictException),
        typeof(InvalidTransitionException),
    ];

    public WorkflowRetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan DelayBefore(int attempt) =>
        TimeSpan.FromTicks((long)(FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, attempt - 1)));

    /// <summary>Whether a failure of the exception type named <paramref name="errorType"/> (its full name, as Durable records it) is worth another attempt.</summary>
    public static bool Retries(string? errorType)
    {
        // Type.GetType without an assembly name looks in this assembly and the core library: where every permanent failure lives.
        var type = string.IsNullOrEmpty(errorType) ? null : Type.GetType(errorType, throwOnError: false);
        return type is null || !PermanentFailures.Any(permanent => permanent.IsAssignableFrom(type));
    }
}
