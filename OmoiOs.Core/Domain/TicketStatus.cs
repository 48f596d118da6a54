using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The reference's ticket board columns; <see cref="Cancelled"/> is added so a cancelled spec can close its ticket.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    Backlog,
    Analyzing,
    Building,
    BuildingDone,
    Testing,
    Done,
    Cancelled,
}
