namespace Microsoft.DurableTask;

/// <summary>Why an activity or sub-orchestration failed: the error's type name, message and cause chain.</summary>
public record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure, IDictionary<string, object?>? Properties)
{
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    public bool IsCausedBy<T>()
        where T : Exception =>
        IsCausedBy(typeof(T));

    /// <summary>True when the failure's <see cref="ErrorType"/> names <paramref name="targetBaseExceptionType"/> or a subclass of it.</summary>
    public bool IsCausedBy(Type targetBaseExceptionType)
    {
        ArgumentNullException.ThrowIfNull(targetBaseExceptionType);
        if (!typeof(Exception).IsAssignableFrom(targetBaseExceptionType))
        {
            throw new ArgumentException($"The type {targetBaseExceptionType} is not an exception type.", nameof(targetBaseExceptionType));
        }

        if (string.IsNullOrEmpty(ErrorType))
        {
            return false;
        }

        var errorType = Type.GetType(ErrorType, throwOnError: false)
            ?? targetBaseExceptionType.Assembly.GetType(ErrorType, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies()
                .Select(assembly => assembly.GetType(ErrorType, throwOnError: false))
                .SingleOrDefault(type => type is not null);
        return errorType is not null && targetBaseExceptionType.IsAssignableFrom(errorType);
    }

    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().ToString(),
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException),
            null);
    }
}
