using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class CriterionEntityMapper
{
    public static TableEntity ToEntity(SpecAcceptanceCriterion criterion)
    {
        var entity = new TableEntity(criterion.SpecId, RowKeys.Criterion(criterion.Id))
        {
            ["kind"] = "criterion",
            ["spec_id"] = criterion.SpecId,
            ["requirement_id"] = criterion.RequirementId,
            ["ordinal"] = criterion.Ordinal,
            ["completed"] = criterion.Completed,
        };
        EntityValues.SetText(entity, "text", criterion.Text);
        EntitySize.Ensure(entity, "acceptance criterion");
        return entity;
    }

    public static SpecAcceptanceCriterion FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey[RowKeys.CriterionPrefix.Length..],
        SpecId = entity.PartitionKey,
        RequirementId = EntityValues.GetRequiredText(entity, "requirement_id"),
        Ordinal = entity.GetInt32("ordinal") ?? 0,
        Text = EntityValues.GetRequiredText(entity, "text"),
        Completed = entity.GetBoolean("completed") ?? false,
        Version = entity.ETag.ToString(),
    };
}
