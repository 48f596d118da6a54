namespace OmoiOs.Core.Errors;

/// <summary>
/// A planner's model server refused the call or answered with something that is not a reply of its protocol.
/// <see cref="StatusCode"/> is the HTTP status when the server sent one.
/// </summary>
public sealed class PlannerCallFailedException(string planner, int? statusCode, string reason, Exception? innerException = null)
    : OmoiException($"Planner '{planner}' call failed{(statusCode is { } status ? $" with HTTP {status}" : "")}: {reason}", innerException)
{
    public string Planner { get; } = planner;

    public int? StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;
}
