using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class SpecTaskEntityMapper
{
    public static TableEntity ToEntity(SpecTask task)
    {
        var entity = new TableEntity(task.SpecId, RowKeys.SpecTask(task.Id))
        {
            ["kind"] = "spec_task",
            ["spec_id"] = task.SpecId,
            ["key"] = task.Key,
            ["estimated_hours"] = task.EstimatedHours,
            ["work_task_id"] = task.WorkTaskId,
        };
        EntityValues.SetText(entity, "title", task.Title);
        EntityValues.SetText(entity, "description", task.Description);
        EntityValues.SetEnum(entity, "type", task.Type);
        EntityValues.SetEnum(entity, "priority", task.Priority);
        EntityValues.SetList(entity, "depends_on", task.DependsOn);
        EntityValues.SetList(entity, "requirements", task.Requirements);
        EntityValues.SetList(entity, "files_to_create", task.FilesToCreate);
        EntityValues.SetList(entity, "files_to_modify", task.FilesToModify);
        EntityValues.SetList(entity, "acceptance_criteria", task.AcceptanceCriteria);
        EntityValues.SetEnum(entity, "status", task.Status);
        EntitySize.Ensure(entity, "spec task");
        return entity;
    }

    public static SpecTask FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey[RowKeys.SpecTaskPrefix.Length..],
        SpecId = entity.PartitionKey,
        Key = EntityValues.GetRequiredText(entity, "key"),
        Title = EntityValues.GetRequiredText(entity, "title"),
        Description = EntityValues.GetText(entity, "description") ?? "",
        Type = EntityValues.GetEnum<SpecTaskType>(entity, "type"),
        Priority = EntityValues.GetEnum<Priority>(entity, "priority"),
        EstimatedHours = entity.GetDouble("estimated_hours") ?? 0,
        DependsOn = EntityValues.GetList(entity, "depends_on"),
        Requirements = EntityValues.GetList(entity, "requirements"),
        FilesToCreate = EntityValues.GetList(entity, "files_to_create"),
        FilesToModify = EntityValues.GetList(entity, "files_to_modify"),
        AcceptanceCriteria = EntityValues.GetList(entity, "acceptance_criteria"),
        Status = EntityValues.GetEnum<SpecTaskStatus>(entity, "status"),
        WorkTaskId = EntityValues.GetText(entity, "work_task_id"),
        Version = entity.ETag.ToString(),
    };
}
