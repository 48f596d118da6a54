using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class SpecEventEntityMapper
{
    public static TableEntity ToEntity(SpecEvent specEvent)
    {
        var entity = new TableEntity(specEvent.SpecId, RowKeys.Event(specEvent.Sequence))
        {
            ["kind"] = "event",
            ["sequence"] = specEvent.Sequence,
            ["type"] = specEvent.Type,
            ["entity_type"] = specEvent.EntityType,
            ["entity_id"] = specEvent.EntityId,
            ["at"] = specEvent.At,
        };
        EntityValues.SetJson(entity, "payload", specEvent.Payload, StorageJsonContext.Default.JsonObject);
        EntitySize.Ensure(entity, "event");
        return entity;
    }

    public static SpecEvent FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetInt64("sequence") ?? 0,
        EntityValues.GetRequiredText(entity, "type"),
        EntityValues.GetRequiredText(entity, "entity_type"),
        EntityValues.GetRequiredText(entity, "entity_id"),
        EntityValues.GetJson(entity, "payload", StorageJsonContext.Default.JsonObject) ?? new JsonObject(),
        entity.GetDateTimeOffset("at") ?? default);
}
