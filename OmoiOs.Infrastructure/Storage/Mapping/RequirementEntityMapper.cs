using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class RequirementEntityMapper
{
    public static TableEntity ToEntity(SpecRequirement requirement)
    {
        var entity = new TableEntity(requirement.SpecId, RowKeys.Requirement(requirement.Id)) { ["kind"] = "requirement", ["spec_id"] = requirement.SpecId };
        entity["key"] = requirement.Key;
        EntityValues.SetText(entity, "title", requirement.Title);
        EntityValues.SetText(entity, "text", requirement.Text);
        EntityValues.SetEnum(entity, "pattern", requirement.Pattern);
        EntityValues.SetText(entity, "condition", requirement.Condition);
        EntityValues.SetText(entity, "action", requirement.Action);
        EntityValues.SetEnum(entity, "category", requirement.Category);
        EntityValues.SetEnum(entity, "priority", requirement.Priority);
        EntityValues.SetEnum(entity, "status", requirement.Status);
        EntitySize.Ensure(entity, "requirement");
        return entity;
    }

    public static SpecRequirement FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey[RowKeys.RequirementPrefix.Length..],
        SpecId = entity.PartitionKey,
        Key = EntityValues.GetRequiredText(entity, "key"),
        Title = EntityValues.GetRequiredText(entity, "title"),
        Text = EntityValues.GetRequiredText(entity, "text"),
        Pattern = EntityValues.GetEnum<EarsPattern>(entity, "pattern"),
        Condition = EntityValues.GetText(entity, "condition") ?? "",
        Action = EntityValues.GetRequiredText(entity, "action"),
        Category = EntityValues.GetEnum<RequirementCategory>(entity, "category"),
        Priority = EntityValues.GetEnum<Priority>(entity, "priority"),
        Status = EntityValues.GetEnum<RequirementStatus>(entity, "status"),
        Version = entity.ETag.ToString(),
    };
}
