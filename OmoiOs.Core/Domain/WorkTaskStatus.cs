using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>An executable task's status; <see cref="Blocked"/> marks a task whose dependency failed.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<WorkTaskStatus>))]
public enum WorkTaskStatus
{
    Pending,
    Claiming,
    Assigned,
    Running,
    PendingValidation,
    Validating,
    Completed,
    NeedsRevision,
    Failed,
    Blocked,
    Cancelled,
}
