using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>Where a spec is in its life. <see cref="Completed"/> means every task finished, never "planning done".</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SpecStatus>))]
public enum SpecStatus
{
    Draft,
    Planning,
    AwaitingApproval,
    PlanningComplete,
    ExecutingTasks,
    Completed,
    Failed,
    Cancelled,
}
