using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class SpecEntityMapper
{
    public const string StatusProperty = "status";

    public static TableEntity ToEntity(Spec spec)
    {
        var entity = new TableEntity(spec.Id, RowKeys.Spec) { ["kind"] = "spec" };
        EntityValues.SetText(entity, "title", spec.Title);
        EntityValues.SetText(entity, "description", spec.Description);
        EntityValues.SetText(entity, "repository", spec.Repository);
        EntityValues.SetEnum(entity, StatusProperty, spec.Status);
        EntityValues.SetEnum(entity, "current_phase", spec.CurrentPhase);
        entity["progress"] = spec.Progress;
        if (spec.PendingApproval is { } gate)
        {
            EntityValues.SetEnum(entity, "pending_approval", gate);
        }

        EntityValues.SetText(entity, "failure_reason", spec.FailureReason);
        EntityValues.SetJson(entity, "options", spec.Options, StorageJsonContext.Default.SpecOptions);
        EntityValues.SetDecimal(entity, "cost_usd", spec.CostUsd);
        entity["input_tokens"] = spec.InputTokens;
        entity["output_tokens"] = spec.OutputTokens;
        entity["branch"] = spec.Branch;
        entity["instance_id"] = spec.InstanceId;
        EntityValues.SetJson(entity, "phase_attempts", spec.PhaseAttempts.ToDictionary(), StorageJsonContext.Default.DictionaryStringInt32);
        EntityValues.SetText(entity, "last_error", spec.LastError);
        entity["last_checkpoint_at"] = spec.LastCheckpointAt;
        entity["requirements_approved_at"] = spec.RequirementsApprovedAt;
        entity["design_approved_at"] = spec.DesignApprovedAt;
        entity["created_at"] = spec.CreatedAt;
        entity["updated_at"] = spec.UpdatedAt;
        EntitySize.Ensure(entity, "spec");
        return entity;
    }

    public static Spec FromEntity(TableEntity entity) => new()
    {
        Id = entity.PartitionKey,
        Title = EntityValues.GetRequiredText(entity, "title"),
        Description = EntityValues.GetRequiredText(entity, "description"),
        Repository = EntityValues.GetRequiredText(entity, "repository"),
        Status = EntityValues.GetEnum<SpecStatus>(entity, StatusProperty),
        CurrentPhase = EntityValues.GetEnum<SpecPhase>(entity, "current_phase"),
        Progress = entity.GetInt32("progress") ?? 0,
        PendingApproval = EntityValues.GetOptionalEnum<ApprovalGate>(entity, "pending_approval"),
        FailureReason = EntityValues.GetText(entity, "failure_reason"),
        Options = EntityValues.GetJson(entity, "options", StorageJsonContext.Default.SpecOptions) ?? new SpecOptions(),
        CostUsd = EntityValues.GetDecimal(entity, "cost_usd"),
        InputTokens = entity.GetInt64("input_tokens") ?? 0,
        OutputTokens = entity.GetInt64("output_tokens") ?? 0,
        Branch = EntityValues.GetRequiredText(entity, "branch"),
        InstanceId = EntityValues.GetRequiredText(entity, "instance_id"),
        PhaseAttempts = EntityValues.GetJson(entity, "phase_attempts", StorageJsonContext.Default.DictionaryStringInt32) ?? [],
        LastError = EntityValues.GetText(entity, "last_error"),
        LastCheckpointAt = entity.GetDateTimeOffset("last_checkpoint_at"),
        RequirementsApprovedAt = entity.GetDateTimeOffset("requirements_approved_at"),
        DesignApprovedAt = entity.GetDateTimeOffset("design_approved_at"),
        CreatedAt = entity.GetDateTimeOffset("created_at") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("updated_at") ?? default,
        Version = entity.ETag.ToString(),
    };
}
