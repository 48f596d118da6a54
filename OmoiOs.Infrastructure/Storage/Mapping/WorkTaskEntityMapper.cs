using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class WorkTaskEntityMapper
{
    public static TableEntity ToEntity(WorkTask task)
    {
        var entity = new TableEntity(task.SpecId, RowKeys.WorkTask(task.Id))
        {
            ["kind"] = "task",
            ["spec_id"] = task.SpecId,
            ["ticket_id"] = task.TicketId,
            ["spec_task_id"] = task.SpecTaskId,
            ["attempts"] = task.Attempts,
            ["estimated_hours"] = task.EstimatedHours,
            ["max_retries"] = task.MaxRetries,
            ["timeout_seconds"] = task.TimeoutSeconds,
            ["sandbox_id"] = task.SandboxId,
            ["branch"] = task.Branch,
            ["created_at"] = task.CreatedAt,
            ["updated_at"] = task.UpdatedAt,
            ["started_at"] = task.StartedAt,
            ["completed_at"] = task.CompletedAt,
        };
        EntityValues.SetText(entity, "title", task.Title);
        EntityValues.SetText(entity, "description", task.Description);
        EntityValues.SetEnum(entity, "type", task.Type);
        EntityValues.SetEnum(entity, "priority", task.Priority);
        EntityValues.SetEnum(entity, "status", task.Status);
        EntityValues.SetList(entity, "depends_on", task.DependsOn);
        EntityValues.SetList(entity, "owned_files", task.OwnedFiles);
        if (task.Result is { } result)
        {
            EntityValues.SetJson(entity, "result", result, StorageJsonContext.Default.WorkTaskResult);
        }

        EntityValues.SetText(entity, "error", task.Error);
        EntityValues.SetText(entity, "feedback", task.Feedback);
        EntitySize.Ensure(entity, "task");
        return entity;
    }

    public static WorkTask FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey[RowKeys.WorkTaskPrefix.Length..],
        SpecId = EntityValues.GetRequiredText(entity, "spec_id"),
        TicketId = EntityValues.GetRequiredText(entity, "ticket_id"),
        SpecTaskId = EntityValues.GetRequiredText(entity, "spec_task_id"),
        Title = EntityValues.GetRequiredText(entity, "title"),
        Description = EntityValues.GetText(entity, "description") ?? "",
        Type = EntityValues.GetEnum<WorkTaskType>(entity, "type"),
        Priority = EntityValues.GetEnum<Priority>(entity, "priority"),
        Status = EntityValues.GetEnum<WorkTaskStatus>(entity, "status"),
        DependsOn = EntityValues.GetList(entity, "depends_on"),
        OwnedFiles = EntityValues.GetList(entity, "owned_files"),
        Attempts = entity.GetInt32("attempts") ?? 0,
        EstimatedHours = entity.GetDouble("estimated_hours") ?? 0,
        MaxRetries = entity.GetInt32("max_retries") ?? SpecOptions.DefaultMaxRetries,
        TimeoutSeconds = entity.GetInt32("timeout_seconds") ?? SpecOptions.DefaultTaskTimeoutSeconds,
        SandboxId = EntityValues.GetText(entity, "sandbox_id"),
        Branch = EntityValues.GetText(entity, "branch"),
        Result = EntityValues.GetJson(entity, "result", StorageJsonContext.Default.WorkTaskResult),
        Error = EntityValues.GetText(entity, "error"),
        Feedback = EntityValues.GetText(entity, "feedback"),
        CreatedAt = entity.GetDateTimeOffset("created_at") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("updated_at") ?? default,
        StartedAt = entity.GetDateTimeOffset("started_at"),
        CompletedAt = entity.GetDateTimeOffset("completed_at"),
        Version = entity.ETag.ToString(),
    };
}
