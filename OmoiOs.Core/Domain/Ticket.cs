using System.Text.Json.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>The board item that groups a spec's executable tasks; one per spec, with a real spec id.</summary>
public sealed record Ticket
{
    public required string Id { get; init; }

    public required string SpecId { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public TicketStatus Status { get; init; } = TicketStatus.Backlog;

    public Priority Priority { get; init; } = Priority.Medium;

    public bool Blocked { get; init; }

    public string? BlockedReason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public string? Version { get; init; }
}
