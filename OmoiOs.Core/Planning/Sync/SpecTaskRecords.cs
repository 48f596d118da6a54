using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning.Sync;

/// <summary>
/// The spec task record SYNC makes of a planned task: ids from the spec and the planner's keys, dependencies and
/// requirements as record ids. A new record is pending; SYNC carries a stored record's status over.
/// </summary>
public static class SpecTaskRecords
{
    public static SpecTask Task(string specId, PlannedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new SpecTask
        {
            Id = RecordIds.SpecTask(specId, task.Id),
            SpecId = specId,
            Key = task.Id,
            Title = task.Title,
            Description = task.Description,
            Type = task.Type,
            Priority = task.Priority,
            EstimatedHours = task.EstimatedHours,
            DependsOn = task.DependsOn.Select(d => RecordIds.SpecTask(specId, d)).ToList(),
            Requirements = task.RequirementsAddressed.Select(r => RecordIds.Requirement(specId, r)).ToList(),
            FilesToCreate = task.FilesToCreate,
            FilesToModify = task.FilesToModify,
            AcceptanceCriteria = task.AcceptanceCriteria,
        };
    }
}
