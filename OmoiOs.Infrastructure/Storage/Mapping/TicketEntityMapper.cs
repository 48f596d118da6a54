using Azure.Data.Tables;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

internal static class TicketEntityMapper
{
    public static TableEntity ToEntity(Ticket ticket)
    {
        var entity = new TableEntity(ticket.SpecId, RowKeys.Ticket(ticket.Id))
        {
            ["kind"] = "ticket",
            ["spec_id"] = ticket.SpecId,
            ["blocked"] = ticket.Blocked,
            ["created_at"] = ticket.CreatedAt,
            ["updated_at"] = ticket.UpdatedAt,
        };
        EntityValues.SetText(entity, "title", ticket.Title);
        EntityValues.SetText(entity, "description", ticket.Description);
        EntityValues.SetEnum(entity, "status", ticket.Status);
        EntityValues.SetEnum(entity, "priority", ticket.Priority);
        EntityValues.SetText(entity, "blocked_reason", ticket.BlockedReason);
        EntitySize.Ensure(entity, "ticket");
        return entity;
    }

    public static Ticket FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey[RowKeys.TicketPrefix.Length..],
        SpecId = EntityValues.GetRequiredText(entity, "spec_id"),
        Title = EntityValues.GetRequiredText(entity, "title"),
        Description = EntityValues.GetText(entity, "description") ?? "",
        Status = EntityValues.GetEnum<TicketStatus>(entity, "status"),
        Priority = EntityValues.GetEnum<Priority>(entity, "priority"),
        Blocked = entity.GetBoolean("blocked") ?? false,
        BlockedReason = EntityValues.GetText(entity, "blocked_reason"),
        CreatedAt = entity.GetDateTimeOffset("created_at") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("updated_at") ?? default,
        Version = entity.ETag.ToString(),
    };
}
